extension PostgresCatalogSchema {
    /// `v-search-marks-tokens` (PostgreSQL only): `page_marks`, each page's exact-form tokens as a
    /// `tsvector` (`PageMarkTokens`) with a GIN index, what SQLite's FTS5 `marks` column holds. Written
    /// in Swift (the tokens are `MarkedWords`' hashes): by `recordPageText` and by `sohoa catalog copy`
    /// to PostgreSQL; a catalog copied before this migration has no rows here (its marked words then rank
    /// by the page's text alone, as found by the folded words: copy it again for SQLite's results).
    static let searchMarksTokens = PostgresMigration(
        "v-search-marks-tokens",
        [
            """
            CREATE TABLE page_marks (
                pageID BIGINT PRIMARY KEY NOT NULL REFERENCES page_texts(pageID) ON DELETE CASCADE,
                marks tsvector NOT NULL
            )
            """,
            "CREATE INDEX page_marks_search ON page_marks USING gin (marks)",
        ])
}
