import GRDB

extension CatalogSchema {
    /// Registers what makes an item an issue of a serial (issue 14): the serial's id and title, the
    /// issue's date, number and volume, with an index to list a title's issues by date.
    static func registerSerials(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v-serials") { db in
            try db.execute(
                sql: """
                    ALTER TABLE items ADD COLUMN serial TEXT CHECK (serial IS NULL OR serial <> '');
                    ALTER TABLE items ADD COLUMN serialTitle TEXT;
                    ALTER TABLE items ADD COLUMN issueDate TEXT;
                    ALTER TABLE items ADD COLUMN issueNumber TEXT;
                    ALTER TABLE items ADD COLUMN volume TEXT;
                    CREATE INDEX items_serial_issueDate ON items(serial, issueDate) WHERE serial IS NOT NULL;
                    """)
        }
    }
}
