extension PostgresCatalogSchema {
    /// The tables and events whose changes change what a search returns or shows, as SQLite's
    /// `v-search-marks` lists them: (table, event, the event's word in the trigger's name).
    static let searchVersionEvents = [
        ("page_texts", "INSERT", "insert"), ("page_texts", "UPDATE", "update"), ("page_texts", "DELETE", "delete"),
        ("pages", "INSERT", "insert"), ("pages", "UPDATE OF itemID, name, sequence", "update"), ("pages", "DELETE", "delete"),
        ("items", "INSERT", "insert"), ("items", "UPDATE", "update"), ("items", "DELETE", "delete"),
        ("holdings", "INSERT", "insert"), ("holdings", "UPDATE", "update"), ("holdings", "DELETE", "delete"),
    ]

    /// `v-search-marks`: on SQLite, the FTS5 index rebuilt with a `marks` column (ranking by marks,
    /// issue 18) and `search_version`, counted up by triggers so that the search cache is emptied only
    /// when what searches show changes.
    ///
    /// PostgreSQL has the same `search_version` table and triggers of the same names, so a cache on
    /// PostgreSQL can read the same count. They are deferred constraint triggers: the count goes up at
    /// commit, once per transaction (a row already counted by this transaction is not counted again),
    /// so writers on several machines hold the one row only while they commit and never wait for it
    /// while holding other rows. The search index (`page_texts.search`) is unchanged: ranking by marks
    /// on PostgreSQL is not done yet (see docs/architecture.md, "PostgreSQL").
    static let searchMarks = PostgresMigration(
        "v-search-marks",
        [
            "CREATE TABLE search_version (id BIGINT PRIMARY KEY CHECK (id = 1), version BIGINT NOT NULL)",
            "INSERT INTO search_version (id, version) VALUES (1, 1)",
            """
            CREATE FUNCTION search_version_count() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                UPDATE search_version SET version = version + 1
                WHERE id = 1 AND xmin <> pg_current_xact_id()::xid;
                RETURN NULL;
            END
            $$
            """,
        ]
            + searchVersionEvents.map { table, event, word in
                """
                CREATE CONSTRAINT TRIGGER \(table)_\(word)_search_version AFTER \(event) ON \(table)
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_version_count()
                """
            })
}
