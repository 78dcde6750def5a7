extension PostgresCatalogSchema {
    /// `v-search-lengths` (PostgreSQL only): `page_texts.searchLength`, the number of words of a page's
    /// folded text (`sohoa_fold`'s words, one space apart), generated and stored. The search ranks as
    /// FTS5's bm25 does (`TSVectorSearch`), which needs the index's average page length: FTS5 keeps
    /// its total of tokens, PostgreSQL sums this column. A generated column, so `sohoa catalog copy`
    /// and the schema comparison leave it out, as they leave out `search`.
    static let searchLengths = PostgresMigration(
        "v-search-lengths",
        [
            """
            ALTER TABLE page_texts ADD COLUMN searchLength INTEGER NOT NULL
                GENERATED ALWAYS AS (COALESCE(cardinality(string_to_array(NULLIF(sohoa_fold(text), ''), ' ')), 0)) STORED
            """
        ])
}
