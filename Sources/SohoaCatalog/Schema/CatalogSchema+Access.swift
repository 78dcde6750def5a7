import GRDB

extension CatalogSchema {
    /// Registers what `sohoa serve` needs (issues 6 and 7): each item's access level and withdrawal,
    /// each page's review state with a revision number for optimistic locking, and the `users`,
    /// `sessions` and `reviews` tables.
    static func registerAccess(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-access-review") { db in
            try db.execute(sql: access)
        }
    }

    private static let access = """
        ALTER TABLE items ADD COLUMN access TEXT NOT NULL DEFAULT 'public'
            CHECK (access IN ('public', 'restricted', 'closed'));
        ALTER TABLE items ADD COLUMN withdrawnAt DATETIME;
        ALTER TABLE items ADD COLUMN withdrawnReason TEXT;
        CREATE INDEX items_updatedAt ON items(updatedAt);

        ALTER TABLE pages ADD COLUMN reviewState TEXT NOT NULL DEFAULT 'pending'
            CHECK (reviewState IN ('pending', 'approved', 'rescan'));
        ALTER TABLE pages ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
        ALTER TABLE pages ADD COLUMN rescanReason TEXT;
        CREATE INDEX pages_reviewState_confidence ON pages(reviewState, meanConfidence);

        CREATE TABLE users (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE
                CHECK (name <> '' AND name NOT GLOB '*[ :/]*'),
            displayName TEXT,
            role TEXT NOT NULL CHECK (role IN ('scanner', 'archivist', 'manager', 'admin')),
            passwordHash TEXT NOT NULL CHECK (passwordHash <> ''),
            disabled BOOLEAN NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
            failedSignIns INTEGER NOT NULL DEFAULT 0 CHECK (failedSignIns >= 0),
            lastFailedSignInAt DATETIME,
            createdAt DATETIME NOT NULL,
            updatedAt DATETIME NOT NULL
        );

        CREATE TABLE sessions (
            tokenHash TEXT PRIMARY KEY NOT NULL CHECK (length(tokenHash) = 64),
            userID INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            csrfToken TEXT NOT NULL CHECK (csrfToken <> ''),
            createdAt DATETIME NOT NULL,
            expiresAt DATETIME NOT NULL CHECK (expiresAt > createdAt)
        ) WITHOUT ROWID;
        CREATE INDEX sessions_userID ON sessions(userID);

        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            pageID INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
            itemID TEXT NOT NULL,
            userID INTEGER REFERENCES users(id) ON DELETE SET NULL,
            reviewer TEXT NOT NULL CHECK (reviewer <> ''),
            action TEXT NOT NULL CHECK (action IN ('corrected', 'approved', 'rescan', 'reopened')),
            ocflVersion TEXT,
            detail TEXT,
            at DATETIME NOT NULL
        );
        CREATE INDEX reviews_pageID_at ON reviews(pageID, at);
        CREATE INDEX reviews_at ON reviews(at);
        """
}
