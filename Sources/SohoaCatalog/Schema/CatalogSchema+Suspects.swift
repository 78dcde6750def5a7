import GRDB

extension CatalogSchema {
    /// Registers issue 11's columns: why a page's recognized text looks wrong (`suspectReason`, NULL when
    /// it does not) and the share of its words that are Vietnamese syllables.
    static func registerSuspects(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4-suspect-pages") { db in
            try db.execute(sql: suspects)
        }
    }

    private static let suspects = """
        ALTER TABLE pages ADD COLUMN suspectReason TEXT CHECK (suspectReason IS NULL OR suspectReason <> '');
        ALTER TABLE pages ADD COLUMN syllableShare REAL CHECK (syllableShare IS NULL OR (syllableShare >= 0 AND syllableShare <= 1));
        CREATE INDEX pages_suspect ON pages(reviewState) WHERE suspectReason IS NOT NULL;
        """
}
