import GRDB

extension CatalogSchema {
    /// Registers what district stations need to send batches (issue 15): `api_tokens` (the SHA-256 of
    /// each token `sohoa login` holds) and `submissions` (each uploaded batch, its state and progress).
    static func registerSubmissions(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v-submissions") { db in
            try db.execute(sql: submissions)
        }
    }

    private static let submissions = """
        CREATE TABLE api_tokens (
            tokenHash TEXT PRIMARY KEY NOT NULL CHECK (length(tokenHash) = 64),
            userID INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            createdAt DATETIME NOT NULL,
            lastUsedAt DATETIME,
            expiresAt DATETIME NOT NULL CHECK (expiresAt > createdAt)
        ) WITHOUT ROWID;
        CREATE INDEX api_tokens_userID ON api_tokens(userID);

        CREATE TABLE submissions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            userID INTEGER NOT NULL REFERENCES users(id),
            name TEXT NOT NULL CHECK (name <> ''),
            size INTEGER NOT NULL CHECK (size > 0),
            sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
            chunkSize INTEGER NOT NULL CHECK (chunkSize > 0),
            receivedBytes INTEGER NOT NULL DEFAULT 0 CHECK (receivedBytes >= 0 AND receivedBytes <= size),
            state TEXT NOT NULL DEFAULT 'uploading'
                CHECK (state IN ('uploading', 'received', 'verified', 'queued', 'running', 'archived', 'failed')),
            problemsJSON TEXT CHECK (problemsJSON IS NULL OR json_valid(problemsJSON)),
            libraryCode TEXT,
            pagesDone INTEGER NOT NULL DEFAULT 0 CHECK (pagesDone >= 0),
            pagesTotal INTEGER NOT NULL DEFAULT 0 CHECK (pagesTotal >= 0),
            pagesFailed INTEGER NOT NULL DEFAULT 0 CHECK (pagesFailed >= 0),
            itemsArchived INTEGER NOT NULL DEFAULT 0 CHECK (itemsArchived >= 0),
            createdAt DATETIME NOT NULL,
            updatedAt DATETIME NOT NULL,
            finishedAt DATETIME,
            CHECK ((state IN ('archived', 'failed')) = (finishedAt IS NOT NULL))
        );
        CREATE INDEX submissions_user_sha ON submissions(userID, sha256);
        CREATE INDEX submissions_state ON submissions(state);
        """
}
