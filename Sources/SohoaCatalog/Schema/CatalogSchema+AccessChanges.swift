import GRDB

extension CatalogSchema {
    /// Registers when each item's access level last changed (issue 12): an item closed (or hidden
    /// from harvesters) after it was archived is an OAI-PMH `deleted` record with that date.
    static func registerAccessChanges(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v5-access-changes") { db in
            try db.execute(sql: "ALTER TABLE items ADD COLUMN accessChangedAt DATETIME")
        }
    }
}
