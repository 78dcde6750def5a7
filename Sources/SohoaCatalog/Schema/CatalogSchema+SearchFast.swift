import GRDB

extension CatalogSchema {
    /// Registers the full-text index rebuilt with prefix indexes of 2 to 6 letters (issue 12): a
    /// search's last word is matched as a prefix, and FTS5 gathers every page of every word starting
    /// with a longer prefix than it indexes before yielding one match ("nhung*" on 100,000 pages:
    /// ~6 ms before, ~1.4 ms with the index). Vietnamese syllables have at most seven letters, so a
    /// typed word is nearly always covered. The index grows by about a fifth; rebuilding it reads
    /// every page's folded text once (about a minute for 100,000 pages).
    static func registerSearchFast(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v-search-fast") { db in
            try db.execute(
                sql: """
                    CREATE VIRTUAL TABLE page_search_rebuilt USING fts5(
                        folded,
                        tokenize = "unicode61 remove_diacritics 2",
                        prefix = '2 3 4 5 6'
                    );
                    INSERT INTO page_search_rebuilt (rowid, folded) SELECT rowid, folded FROM page_search;
                    DROP TRIGGER page_texts_delete_search;
                    DROP TABLE page_search;
                    ALTER TABLE page_search_rebuilt RENAME TO page_search;
                    CREATE TRIGGER page_texts_delete_search AFTER DELETE ON page_texts BEGIN
                        DELETE FROM page_search WHERE rowid = old.pageID;
                    END;
                    INSERT INTO page_search (page_search) VALUES ('optimize');
                    """)
        }
    }
}
