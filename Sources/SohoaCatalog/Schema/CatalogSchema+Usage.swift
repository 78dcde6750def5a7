import GRDB

extension CatalogSchema {
    /// Registers issue 18's usage statistics: what readers did, per day, counted by `sohoa serve`
    /// (COUNTER rules: robots excluded, double clicks counted once, visits by a daily-salted hash).
    /// Only daily sums are kept: no request, address or visit is ever written.
    ///
    /// `usage_days` has one row per day and library (`libraryCode = ''`: the whole collection, whose
    /// visits are counted once however many libraries' items a visit saw); `usage_item_days` one row
    /// per day and item.
    static func registerUsage(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v-usage") { db in
            try db.execute(
                sql: """
                    CREATE TABLE usage_days (
                        day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
                        libraryCode TEXT NOT NULL,
                        visits INTEGER NOT NULL DEFAULT 0 CHECK (visits >= 0),
                        itemViews INTEGER NOT NULL DEFAULT 0 CHECK (itemViews >= 0),
                        pageViews INTEGER NOT NULL DEFAULT 0 CHECK (pageViews >= 0),
                        downloads INTEGER NOT NULL DEFAULT 0 CHECK (downloads >= 0),
                        searches INTEGER NOT NULL DEFAULT 0 CHECK (searches >= 0),
                        PRIMARY KEY (day, libraryCode)
                    ) WITHOUT ROWID;

                    CREATE TABLE usage_item_days (
                        day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
                        itemID TEXT NOT NULL CHECK (itemID <> ''),
                        libraryCode TEXT NOT NULL CHECK (libraryCode <> ''),
                        itemViews INTEGER NOT NULL DEFAULT 0 CHECK (itemViews >= 0),
                        pageViews INTEGER NOT NULL DEFAULT 0 CHECK (pageViews >= 0),
                        downloads INTEGER NOT NULL DEFAULT 0 CHECK (downloads >= 0),
                        PRIMARY KEY (day, itemID)
                    ) WITHOUT ROWID;
                    CREATE INDEX usage_item_days_library ON usage_item_days (libraryCode, day);
                    """)
        }
    }
}
