extension PostgresCatalogSchema {
    /// `v-usage`: readers' use of the collection, daily sums only (issue 18). `usage_days` has one row per
    /// day and library (`libraryCode = ''`: the whole collection), `usage_item_days` one per day and item.
    /// SQLite's `WITHOUT ROWID` has no counterpart: a PostgreSQL table has no rowid anyway.
    static let usage = PostgresMigration(
        "v-usage",
        [
            """
            CREATE TABLE usage_days (
                day TEXT NOT NULL CHECK (day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
                libraryCode TEXT NOT NULL,
                visits BIGINT NOT NULL DEFAULT 0 CHECK (visits >= 0),
                itemViews BIGINT NOT NULL DEFAULT 0 CHECK (itemViews >= 0),
                pageViews BIGINT NOT NULL DEFAULT 0 CHECK (pageViews >= 0),
                downloads BIGINT NOT NULL DEFAULT 0 CHECK (downloads >= 0),
                searches BIGINT NOT NULL DEFAULT 0 CHECK (searches >= 0),
                PRIMARY KEY (day, libraryCode)
            )
            """,
            """
            CREATE TABLE usage_item_days (
                day TEXT NOT NULL CHECK (day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
                itemID TEXT NOT NULL CHECK (itemID <> ''),
                libraryCode TEXT NOT NULL CHECK (libraryCode <> ''),
                itemViews BIGINT NOT NULL DEFAULT 0 CHECK (itemViews >= 0),
                pageViews BIGINT NOT NULL DEFAULT 0 CHECK (pageViews >= 0),
                downloads BIGINT NOT NULL DEFAULT 0 CHECK (downloads >= 0),
                PRIMARY KEY (day, itemID)
            )
            """,
            "CREATE INDEX usage_item_days_library ON usage_item_days (libraryCode, day)",
        ])
}
