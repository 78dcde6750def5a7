import GRDB

extension CatalogSchema {
    /// The holdings register (the denominator of the 70% goal, DESIGN §7) and the indexes the
    /// progress queries need.
    static func registerHoldings(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-holdings") { db in
            try db.execute(sql: holdings)
        }
    }

    private static let holdings = """
        CREATE TABLE holdings (
            id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
            callNumber TEXT,
            title TEXT NOT NULL CHECK (title <> ''),
            creator TEXT,
            libraryCode TEXT NOT NULL CHECK (libraryCode <> '' AND libraryCode NOT GLOB '*[:/]*'),
            collectionType TEXT NOT NULL
                CHECK (collectionType IN ('rare-book', 'manuscript', 'local-history', 'newspaper', 'map', 'photo', 'other')),
            specialValue BOOLEAN NOT NULL DEFAULT 0 CHECK (specialValue IN (0, 1)),
            language TEXT,
            subjects TEXT,
            estimatedPages INTEGER CHECK (estimatedPages IS NULL OR estimatedPages >= 0),
            year INTEGER,
            source TEXT NOT NULL CHECK (source <> ''),
            importedAt DATETIME NOT NULL,
            updatedAt DATETIME NOT NULL
        );
        CREATE INDEX holdings_scope ON holdings(libraryCode, specialValue, collectionType);
        CREATE INDEX items_state_holdingID ON items(state, holdingID);
        CREATE INDEX events_type_itemID_at ON events(type, itemID, at);
        """
}
