import GRDB

extension CatalogSchema {
    /// Registers issue 14's item structure: each item's page labels and table of contents, as the JSON
    /// the archive's `ItemStructure` writes (the archive's METS holds the same; this copy serves pages fast).
    static func registerStructure(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v-structure") { db in
            try db.execute(
                sql: """
                    CREATE TABLE item_structures (
                        itemID TEXT PRIMARY KEY NOT NULL REFERENCES items(id) ON DELETE CASCADE,
                        structureJSON TEXT NOT NULL CHECK (json_valid(structureJSON)),
                        updatedAt DATETIME NOT NULL
                    )
                    """)
        }
    }
}
