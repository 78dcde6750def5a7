import GRDB

/// A page's row of the search index (`page_search`): its text folded (`DiacriticFolding`) and its
/// words' tokens (`MarkedWords`), under the page's id. Every writer of the index writes it here: a
/// page's text recorded, the migration that rebuilt the index, and a catalog copied from PostgreSQL.
public enum PageSearchIndex {
    /// Indexes a page's text (as stored: NFC) for search, in the catalog open as `db`. The page must
    /// have no row yet (deleting its `page_texts` row deletes its index row).
    public static func insert(_ db: Database, pageID: Int64, text: String) throws {
        try insert(db, pageID: pageID, text: text, into: "page_search")
    }

    /// `insert` into the index table `table` (the migration `v-search-marks` fills a new table first).
    static func insert(_ db: Database, pageID: Int64, text: String, into table: String) throws {
        let statement = try db.cachedStatement(sql: "INSERT INTO \(table) (rowid, folded, marks) VALUES (?, ?, ?)")
        try statement.execute(arguments: [pageID, DiacriticFolding.fold(text), MarkedWords.column(text)])
    }
}
