import GRDB

/// The catalog's schema as named migrations (DESIGN §7). A migration is never edited once released:
/// changes go into a new migration appended at the end.
enum CatalogSchema {
    /// Written to SQLite's `application_id` header field so that a sohoa catalog can be told apart
    /// from other SQLite files ("SOHO").
    static let applicationID: Int32 = 0x534F_484F

    /// The first migration; a database with migrations but without this one is not a sohoa catalog.
    static let firstMigration = "v1-items-pages"

    /// All migrations, in order. A new migration needs its PostgreSQL twin in `Sources/SohoaPostgres/Schema`
    /// (`PostgresCatalogSchema.sharedMigrations`) and a new table a place in `CatalogCopy.tables`:
    /// `PostgresSchemaTests` and `CatalogCopyTests` fail until then (docs/architecture.md, "PostgreSQL").
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(firstMigration) { db in
            try db.execute(sql: itemsAndPages)
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        }
        migrator.registerMigration("v1-fts") { db in
            try db.execute(sql: fullTextSearch)
        }
        registerHoldings(&migrator)
        registerAudits(&migrator)
        registerAccess(&migrator)
        registerSuspects(&migrator)
        registerAccessChanges(&migrator)
        registerReviewNextIndex(&migrator)
        registerSearchFast(&migrator)
        registerStructure(&migrator)
        registerSerials(&migrator)
        registerLibraries(&migrator)
        registerSubmissions(&migrator)
        registerUsage(&migrator)
        registerSearchMarks(&migrator)
        registerOAIRecordChanges(&migrator)
        return migrator
    }

    private static let stages = "'ingest', 'normalize', 'ocr', 'metadata', 'package'"

    private static let itemsAndPages = """
        CREATE TABLE batches (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            path TEXT NOT NULL CHECK (path <> ''),
            pipeline TEXT NOT NULL CHECK (pipeline <> ''),
            startedAt DATETIME NOT NULL,
            finishedAt DATETIME,
            state TEXT NOT NULL DEFAULT 'running'
                CHECK (state IN ('running', 'finished', 'failed', 'interrupted')),
            pageCount INTEGER NOT NULL DEFAULT 0 CHECK (pageCount >= 0),
            failureCount INTEGER NOT NULL DEFAULT 0 CHECK (failureCount >= 0),
            CHECK ((state = 'running') = (finishedAt IS NULL))
        );

        CREATE TABLE items (
            id TEXT PRIMARY KEY NOT NULL CHECK (id <> '' AND id NOT GLOB '*/*'),
            libraryCode TEXT NOT NULL CHECK (libraryCode <> '' AND libraryCode NOT GLOB '*[:/]*'),
            objectID TEXT NOT NULL UNIQUE CHECK (objectID = 'urn:sohoa:' || libraryCode || ':' || id),
            title TEXT,
            creator TEXT,
            date TEXT,
            language TEXT,
            type TEXT,
            subject TEXT,
            holdingID TEXT,
            metadataJSON TEXT CHECK (metadataJSON IS NULL OR json_valid(metadataJSON)),
            sourcePath TEXT NOT NULL CHECK (sourcePath <> ''),
            batchID INTEGER REFERENCES batches(id) ON DELETE SET NULL,
            state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'packaged', 'failed')),
            failureReason TEXT,
            ocflVersion TEXT CHECK (ocflVersion IS NULL OR ocflVersion GLOB 'v[0-9]*'),
            objectPath TEXT,
            pageCount INTEGER NOT NULL DEFAULT 0 CHECK (pageCount >= 0),
            packagedAt DATETIME,
            createdAt DATETIME NOT NULL,
            updatedAt DATETIME NOT NULL,
            CHECK (state <> 'packaged'
                OR (ocflVersion IS NOT NULL AND objectPath IS NOT NULL AND packagedAt IS NOT NULL)),
            CHECK (state <> 'failed' OR failureReason IS NOT NULL)
        );
        CREATE INDEX items_state ON items(state);
        CREATE INDEX items_batchID ON items(batchID);
        CREATE INDEX items_holdingID ON items(holdingID);

        CREATE TABLE pages (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            itemID TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            name TEXT NOT NULL CHECK (name <> '' AND name NOT GLOB '*/*'),
            sequence INTEGER NOT NULL CHECK (sequence >= 1),
            sourcePath TEXT NOT NULL CHECK (sourcePath <> ''),
            sourceSHA256 TEXT NOT NULL
                CHECK (length(sourceSHA256) = 64 AND sourceSHA256 NOT GLOB '*[^0-9a-f]*'),
            frameIndex INTEGER CHECK (frameIndex IS NULL OR frameIndex >= 0),
            technicalJSON TEXT CHECK (technicalJSON IS NULL OR json_valid(technicalJSON)),
            normalizeReportJSON TEXT CHECK (normalizeReportJSON IS NULL OR json_valid(normalizeReportJSON)),
            dpi REAL CHECK (dpi IS NULL OR dpi > 0),
            dpiEstimated BOOLEAN NOT NULL DEFAULT 0 CHECK (dpiEstimated IN (0, 1)),
            width INTEGER CHECK (width IS NULL OR width > 0),
            height INTEGER CHECK (height IS NULL OR height > 0),
            state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed')),
            meanConfidence REAL CHECK (meanConfidence IS NULL OR meanConfidence BETWEEN 0 AND 100),
            wordCount INTEGER CHECK (wordCount IS NULL OR wordCount >= 0),
            isBlank BOOLEAN NOT NULL DEFAULT 0 CHECK (isBlank IN (0, 1)),
            error TEXT,
            updatedAt DATETIME NOT NULL,
            UNIQUE (itemID, name),
            UNIQUE (id, itemID)
        );
        CREATE INDEX pages_itemID_sequence ON pages(itemID, sequence);
        CREATE INDEX pages_sourceSHA256 ON pages(sourceSHA256);

        CREATE TABLE page_stages (
            pageID INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
            stage TEXT NOT NULL CHECK (stage IN (\(stages))),
            state TEXT NOT NULL CHECK (state IN ('pending', 'running', 'done', 'failed', 'skipped')),
            error TEXT,
            startedAt DATETIME,
            finishedAt DATETIME,
            PRIMARY KEY (pageID, stage),
            CHECK (state <> 'failed' OR error IS NOT NULL)
        ) WITHOUT ROWID;
        CREATE INDEX page_stages_stage_state ON page_stages(stage, state);

        CREATE TABLE events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            itemID TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            pageID INTEGER REFERENCES pages(id) ON DELETE SET NULL,
            type TEXT NOT NULL CHECK (type GLOB '[a-z]*' AND type NOT GLOB '*[^a-z0-9-]*'),
            at DATETIME NOT NULL,
            agent TEXT NOT NULL CHECK (agent <> ''),
            outcome TEXT NOT NULL CHECK (outcome IN ('success', 'warning', 'failure')),
            detail TEXT
        );
        CREATE INDEX events_itemID_at ON events(itemID, at);
        CREATE INDEX events_pageID ON events(pageID);

        CREATE TABLE failures (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            batchID INTEGER REFERENCES batches(id) ON DELETE CASCADE,
            itemID TEXT,
            filePath TEXT NOT NULL CHECK (filePath <> ''),
            pageIndex INTEGER CHECK (pageIndex IS NULL OR pageIndex >= 0),
            stage TEXT NOT NULL CHECK (stage IN (\(stages))),
            reason TEXT NOT NULL CHECK (reason <> ''),
            at DATETIME NOT NULL
        );
        CREATE INDEX failures_batchID ON failures(batchID);
        CREATE INDEX failures_at ON failures(at);
        """

    /// Page texts (NFC, with diacritics) and their FTS5 index. The index holds the text folded by
    /// `DiacriticFolding` (so `đ/Đ` are `d`), and `remove_diacritics 2` handles what is left.
    /// The catalog writes the index in the same transaction as the text; a trigger removes index rows
    /// whenever a text row goes (also through `ON DELETE CASCADE` from pages).
    private static let fullTextSearch = """
        CREATE TABLE page_texts (
            pageID INTEGER PRIMARY KEY NOT NULL,
            itemID TEXT NOT NULL,
            text TEXT NOT NULL,
            updatedAt DATETIME NOT NULL,
            FOREIGN KEY (pageID, itemID) REFERENCES pages(id, itemID) ON DELETE CASCADE
        );
        CREATE INDEX page_texts_itemID ON page_texts(itemID);

        CREATE VIRTUAL TABLE page_search USING fts5(
            folded,
            tokenize = "unicode61 remove_diacritics 2",
            prefix = '2 3'
        );

        CREATE TRIGGER page_texts_delete_search AFTER DELETE ON page_texts BEGIN
            DELETE FROM page_search WHERE rowid = old.pageID;
        END;
        """
}
