import GRDB

extension CatalogSchema {
    /// Registers the search index rebuilt for ranking by marks (issue 18), and the search version.
    ///
    /// The index gains a `marks` column: one token per word, its exact form with its marks
    /// (`MarkedWords`), which a marked query looks for to rank the pages with the words as written
    /// first. Its tokenizer keeps nonspacing marks inside words (`categories 'L* N* Co Mn'`), so the
    /// marks of scripts other than Latin, which folding now keeps (Tai Viet's vowel and tone signs),
    /// are part of their words instead of breaking them. Rebuilding folds each page's text again
    /// and makes its tokens, in Swift (about 2 minutes for 100,000 pages).
    ///
    /// `search_version` counts the changes to what a search returns or shows (texts, pages, items,
    /// holdings), by triggers: `SearchCache` is emptied when it changes, not on every commit (a
    /// sign-in, a session or a usage count leaves it alone).
    static func registerSearchMarks(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v-search-marks") { db in
            try db.execute(
                sql: """
                    CREATE VIRTUAL TABLE page_search_rebuilt USING fts5(
                        folded,
                        marks,
                        tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co Mn'",
                        prefix = '2 3 4 5 6'
                    );
                    """)
            let texts = try Row.fetchCursor(db, sql: "SELECT pageID, text FROM page_texts ORDER BY pageID")
            while let row = try texts.next() {
                try PageSearchIndex.insert(db, pageID: row["pageID"], text: row["text"], into: "page_search_rebuilt")
            }
            try db.execute(
                sql: """
                    DROP TRIGGER page_texts_delete_search;
                    DROP TABLE page_search;
                    ALTER TABLE page_search_rebuilt RENAME TO page_search;
                    CREATE TRIGGER page_texts_delete_search AFTER DELETE ON page_texts BEGIN
                        DELETE FROM page_search WHERE rowid = old.pageID;
                    END;
                    INSERT INTO page_search (page_search) VALUES ('optimize');
                    """)
            try db.execute(sql: "CREATE TABLE search_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)")
            try db.execute(sql: "INSERT INTO search_version (id, version) VALUES (1, 1)")
            let watched = [
                ("page_texts", "INSERT"), ("page_texts", "UPDATE"), ("page_texts", "DELETE"),
                ("pages", "INSERT"), ("pages", "UPDATE OF itemID, name, sequence"), ("pages", "DELETE"),
                ("items", "INSERT"), ("items", "UPDATE"), ("items", "DELETE"),
                ("holdings", "INSERT"), ("holdings", "UPDATE"), ("holdings", "DELETE"),
            ]
            for (table, event) in watched {
                let name = "\(table)_\(event.split(separator: " ")[0].lowercased())_search_version"
                try db.execute(
                    sql: """
                        CREATE TRIGGER \(name) AFTER \(event) ON \(table) BEGIN
                            UPDATE search_version SET version = version + 1 WHERE id = 1;
                        END;
                        """)
            }
        }
    }
}
