import GRDB

extension CatalogSchema {
    /// Registers the fixity-audit table (`sohoa audit`): one row per audit run.
    static func registerAudits(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-audits") { db in
            try db.execute(sql: audits)
        }
    }

    private static let audits = """
        CREATE TABLE audits (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            startedAt DATETIME NOT NULL,
            finishedAt DATETIME NOT NULL CHECK (finishedAt >= startedAt),
            scope TEXT NOT NULL CHECK (scope <> ''),
            objectsChecked INTEGER NOT NULL CHECK (objectsChecked >= 0),
            filesChecked INTEGER NOT NULL CHECK (filesChecked >= 0),
            findingCount INTEGER NOT NULL CHECK (findingCount >= 0),
            findingsJSON TEXT NOT NULL CHECK (json_valid(findingsJSON) AND json_type(findingsJSON) = 'array'),
            agent TEXT NOT NULL CHECK (agent <> ''),
            CHECK (json_array_length(findingsJSON) = findingCount)
        );
        CREATE INDEX audits_finishedAt ON audits(finishedAt);
        """
}
