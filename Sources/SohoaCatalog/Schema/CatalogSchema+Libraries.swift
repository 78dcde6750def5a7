import GRDB

extension CatalogSchema {
    /// Registers the network's libraries (issue 15): table `libraries` (code, Vietnamese name, district,
    /// which one is the provincial library), filled with every code items and holdings already use (name
    /// = code until renamed) and kept complete by triggers when new codes arrive; and `users.libraryCode`,
    /// the library a user works for (NULL: every library, as before this migration).
    static func registerLibraries(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v-libraries") { db in
            try db.execute(sql: libraries)
        }
    }

    /// The catalog's own timestamp format, for rows made by SQL.
    private static let now = "strftime('%Y-%m-%d %H:%M:%f', 'now')"

    private static let libraries = """
        CREATE TABLE libraries (
            code TEXT PRIMARY KEY NOT NULL CHECK (code <> '' AND code NOT GLOB '*[:/]*'),
            name TEXT NOT NULL CHECK (name <> ''),
            district TEXT,
            provincial BOOLEAN NOT NULL DEFAULT 0 CHECK (provincial IN (0, 1)),
            createdAt DATETIME NOT NULL,
            updatedAt DATETIME NOT NULL
        ) WITHOUT ROWID;
        CREATE UNIQUE INDEX libraries_one_provincial ON libraries(provincial) WHERE provincial = 1;

        INSERT OR IGNORE INTO libraries (code, name, createdAt, updatedAt)
            SELECT code, code, \(now), \(now)
            FROM (SELECT DISTINCT libraryCode AS code FROM items UNION SELECT DISTINCT libraryCode FROM holdings);

        CREATE TRIGGER items_library_insert AFTER INSERT ON items BEGIN
            INSERT OR IGNORE INTO libraries (code, name, createdAt, updatedAt)
            VALUES (NEW.libraryCode, NEW.libraryCode, \(now), \(now));
        END;
        CREATE TRIGGER items_library_update AFTER UPDATE OF libraryCode ON items BEGIN
            INSERT OR IGNORE INTO libraries (code, name, createdAt, updatedAt)
            VALUES (NEW.libraryCode, NEW.libraryCode, \(now), \(now));
        END;
        CREATE TRIGGER holdings_library_insert AFTER INSERT ON holdings BEGIN
            INSERT OR IGNORE INTO libraries (code, name, createdAt, updatedAt)
            VALUES (NEW.libraryCode, NEW.libraryCode, \(now), \(now));
        END;
        CREATE TRIGGER holdings_library_update AFTER UPDATE OF libraryCode ON holdings BEGIN
            INSERT OR IGNORE INTO libraries (code, name, createdAt, updatedAt)
            VALUES (NEW.libraryCode, NEW.libraryCode, \(now), \(now));
        END;

        ALTER TABLE users ADD COLUMN libraryCode TEXT REFERENCES libraries(code);
        CREATE INDEX items_libraryCode ON items(libraryCode);
        """
}
