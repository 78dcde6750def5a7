extension PostgresCatalogSchema {
    /// `v-structure`: each item's page labels and table of contents.
    static let structure = PostgresMigration(
        "v-structure",
        [
            """
            CREATE TABLE item_structures (
                itemID TEXT PRIMARY KEY NOT NULL REFERENCES items(id) ON DELETE CASCADE,
                structureJSON TEXT NOT NULL CHECK (json_valid(structureJSON)),
                updatedAt TIMESTAMP(3) NOT NULL
            )
            """
        ])

    /// `v-serials`: what makes an item an issue of a serial.
    static let serials = PostgresMigration(
        "v-serials",
        [
            "ALTER TABLE items ADD COLUMN serial TEXT CHECK (serial IS NULL OR serial <> '')",
            "ALTER TABLE items ADD COLUMN serialTitle TEXT",
            "ALTER TABLE items ADD COLUMN issueDate TEXT",
            "ALTER TABLE items ADD COLUMN issueNumber TEXT",
            "ALTER TABLE items ADD COLUMN volume TEXT",
            "CREATE INDEX items_serial_issueDate ON items(serial, issueDate) WHERE serial IS NOT NULL",
        ])
}
