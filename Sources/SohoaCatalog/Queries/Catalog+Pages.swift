import Foundation
import GRDB

extension Catalog {
    /// Stores a page under its item and name, replacing what was stored there, and returns it with its id.
    /// When the page's content changed (another SHA-256), its stage states and text are dropped.
    @discardableResult
    public func upsertPage(_ page: PageRecord, at date: Date = Date()) throws(CatalogError) -> PageRecord {
        try write { tx throws(CatalogError) in try tx.upsertPage(page, at: date) }
    }

    /// The page with this id.
    public func page(id: Int64) throws(CatalogError) -> PageRecord? {
        try read { tx throws(CatalogError) in try tx.page(id: id) }
    }

    /// The page of an item with this name (e.g. `p001`).
    public func page(itemID: String, name: String) throws(CatalogError) -> PageRecord? {
        try read { tx throws(CatalogError) in try tx.page(itemID: itemID, name: name) }
    }

    /// The pages of an item in sequence order.
    public func pages(itemID: String) throws(CatalogError) -> [PageRecord] {
        try read { tx throws(CatalogError) in try tx.pages(itemID: itemID) }
    }

    /// The item's own pages in sequence order: its pages but a split spread's record, which stands
    /// beside its two halves (`CatalogTransaction.notASplitSpread`); those done are what its version holds.
    public func ownPages(itemID: String) throws(CatalogError) -> [PageRecord] {
        try read { tx throws(CatalogError) in try tx.ownPages(itemID: itemID) }
    }

    /// How many pages the item's version holds: its own pages that are done (`ownPages(itemID:)`; a
    /// page that failed was not archived).
    public func pageCount(itemID: String) throws(CatalogError) -> Int {
        try ownPages(itemID: itemID).filter { $0.state == .done }.count
    }

    /// Each archived page's position in the item (1-based, by name): the order of its version's pages,
    /// by which page labels and the table of contents count. A page's `sequence` is its scan's number,
    /// which a split spread's two halves share and which counts a failed scan too.
    public func pagePositions(itemID: String) throws(CatalogError) -> [String: Int] {
        try pagePositions(itemIDs: [itemID])[itemID] ?? [:]
    }

    /// `pagePositions(itemID:)` of several items in one query (a page of search hits): by item id.
    public func pagePositions(itemIDs: Set<String>) throws(CatalogError) -> [String: [String: Int]] {
        guard !itemIDs.isEmpty else { return [:] }
        return try read { tx throws(CatalogError) in try tx.pagePositions(itemIDs: itemIDs) }
    }

    /// Whether OCR already finished (`ocr` stage done) for this exact content at this item and page:
    /// the key for resuming.
    public func isPageDone(sha256: String, itemID: String, name: String) throws(CatalogError) -> Bool {
        try read { tx throws(CatalogError) in try tx.isPageDone(sha256: sha256, itemID: itemID, name: name) }
    }

    /// Records where a page stands in a stage (`error` is required for `failed`).
    public func setStage(
        pageID: Int64, stage: PipelineStage, state: PageStageRecord.State, error: String? = nil,
        at date: Date = Date()
    ) throws(CatalogError) {
        try write { tx throws(CatalogError) in
            try tx.setStage(pageID: pageID, stage: stage, state: state, error: error, at: date)
        }
    }

    /// Where a page stands in each stage it has entered, in pipeline order.
    public func stages(pageID: Int64) throws(CatalogError) -> [PageStageRecord] {
        try read { tx throws(CatalogError) in try tx.stages(pageID: pageID) }
    }
}

extension CatalogTransaction {
    /// Stores a page under its item and name, replacing what was stored there, and returns it with its id.
    /// When the page's content changed (another SHA-256), its stage states and text are dropped:
    /// they were about the old content; and its review starts again (a page sent back for rescanning
    /// leaves the rescan list when the new scan arrives).
    @discardableResult
    public func upsertPage(_ page: PageRecord, at date: Date = Date()) throws(CatalogError) -> PageRecord {
        var page = page
        page.updatedAt = date
        page.sourceSHA256 = page.sourceSHA256.lowercased()
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        if let existing = try self.page(itemID: page.itemID, name: page.name), let id = existing.id {
            page.id = id
            if existing.sourceSHA256 != page.sourceSHA256 {
                try statements.execute("DELETE FROM page_stages WHERE pageID = ?", [.integer(id)])
                try statements.execute("DELETE FROM page_texts WHERE pageID = ?", [.integer(id)])
                try statements.execute(
                    "UPDATE pages SET reviewState = 'pending', rescanReason = NULL, revision = revision + 1 WHERE id = ?", [.integer(id)])
            }
            try updateRecord(page, in: "pages", key: ["id"])
        } else {
            page.id = nil
            page.id = try insertRecordReturningID(page, into: "pages")
        }
        // Read back, so that the caller gets the values as stored (dates to the millisecond).
        guard let id = page.id else { return page }
        return try self.page(id: id) ?? page
    }

    /// The page with this id.
    public func page(id: Int64) throws(CatalogError) -> PageRecord? {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        try statements.fetchOne("SELECT * FROM pages WHERE id = ?", [.integer(id)])?.decode(PageRecord.self)
    }

    /// The page of an item with this name (e.g. `p001`).
    public func page(itemID: String, name: String) throws(CatalogError) -> PageRecord? {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        try statements.fetchOne("SELECT * FROM pages WHERE itemID = ? AND name = ?", [.text(itemID), .text(name)])?
            .decode(PageRecord.self)
    }

    /// The pages of an item in sequence order.
    public func pages(itemID: String) throws(CatalogError) -> [PageRecord] {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        var pages: [PageRecord] = []
        for row in try statements.fetch("SELECT * FROM pages WHERE itemID = ? ORDER BY sequence, name", [.text(itemID)]) {
            pages.append(try row.decode(PageRecord.self))
        }
        return pages
    }

    /// The item's own pages in sequence order (`Catalog.ownPages(itemID:)`).
    public func ownPages(itemID: String) throws(CatalogError) -> [PageRecord] {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        var pages: [PageRecord] = []
        for row in try statements.fetch(
            "SELECT * FROM pages WHERE itemID = ? AND \(Self.notASplitSpread("pages")) ORDER BY sequence, name", [.text(itemID)])
        {
            pages.append(try row.decode(PageRecord.self))
        }
        return pages
    }

    /// Each item's archived pages (its own pages that are done, as `ownPages(itemID:)` orders them)
    /// numbered from 1, by item id and page name.
    public func pagePositions(itemIDs: Set<String>) throws(CatalogError) -> [String: [String: Int]] {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL (where `IN ()` is an error).
        guard !itemIDs.isEmpty else { return [:] }
        let ids = itemIDs.sorted()
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        var positions: [String: [String: Int]] = [:]
        for row in try statements.fetch(
            """
            SELECT itemID, name FROM pages WHERE itemID IN (\(marks)) AND state = '\(PageRecord.State.done.rawValue)' \
            AND \(Self.notASplitSpread("pages")) ORDER BY itemID, sequence, name
            """, ids.map { .text($0) })
        {
            let itemID = try row.string("itemID")
            positions[itemID, default: [:]][try row.string("name")] = (positions[itemID]?.count ?? 0) + 1
        }
        return positions
    }

    /// A condition true for the rows of `table` (the `pages` table or its alias) that are not the
    /// record of a spread split into two pages: the page keeps its record, done, with its OCR stage
    /// `skipped` (its text is in its halves), beside its halves `<page>-a` and `<page>-b`. OCR skipped
    /// alone is not enough: every page of an image-only item, and of a bag imported without text, has it.
    static func notASplitSpread(_ table: String) -> String {
        """
        NOT (EXISTS (SELECT 1 FROM page_stages s WHERE s.pageID = \(table).id AND s.stage = 'ocr' AND s.state = 'skipped') \
        AND EXISTS (\(half(table, "a"))) AND EXISTS (\(half(table, "b"))))
        """
    }

    /// The half `part` of the spread in `table`'s row: named `<page>-<part>`, of the same scan (its
    /// sequence and SHA-256), as the pipeline registers it; scans a user named so are other scans.
    private static func half(_ table: String, _ part: String) -> String {
        """
        SELECT 1 FROM pages half WHERE half.itemID = \(table).itemID AND half.name = \(table).name || '-\(part)' \
        AND half.sequence = \(table).sequence AND half.sourceSHA256 = \(table).sourceSHA256
        """
    }

    /// Whether OCR already finished (`ocr` stage done) for this exact content at this item and page:
    /// the key for resuming. A page whose file changed (another SHA-256) is not done.
    public func isPageDone(sha256: String, itemID: String, name: String) throws(CatalogError) -> Bool {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        try statements.fetchOne(
            """
            SELECT EXISTS (
                SELECT 1 FROM pages JOIN page_stages ON page_stages.pageID = pages.id
                WHERE pages.itemID = ? AND pages.name = ? AND pages.sourceSHA256 = ?
                    AND page_stages.stage = 'ocr' AND page_stages.state = 'done') AS done
            """, [.text(itemID), .text(name), .text(sha256.lowercased())])?.bool("done") ?? false
    }

    /// Records where a page stands in a stage. `running` sets `startedAt`; `done`, `failed` and `skipped`
    /// set `finishedAt`; `error` is required for `failed` and kept only for `failed` and `skipped`.
    public func setStage(
        pageID: Int64, stage: PipelineStage, state: PageStageRecord.State, error: String? = nil,
        at date: Date = Date()
    ) throws(CatalogError) {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        let existing = try statements.fetchOne(
            "SELECT * FROM page_stages WHERE pageID = ? AND stage = ?", [.integer(pageID), .text(stage.rawValue)]
        )?.decode(PageStageRecord.self)
        var record = existing ?? PageStageRecord(pageID: pageID, stage: stage, state: state)
        record.state = state
        record.error = (state == .failed || state == .skipped) ? error : nil
        switch state {
        case .pending:
            record.startedAt = nil
            record.finishedAt = nil
        case .running:
            record.startedAt = date
            record.finishedAt = nil
        case .done, .failed, .skipped:
            record.startedAt = record.startedAt ?? date
            record.finishedAt = date
        }
        if existing == nil {
            try insertRecord(record, into: "page_stages")
        } else {
            try updateRecord(record, in: "page_stages", key: ["pageID", "stage"])
        }
    }

    /// Where a page stands in each stage it has entered, in pipeline order.
    public func stages(pageID: Int64) throws(CatalogError) -> [PageStageRecord] {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        var stages: [PageStageRecord] = []
        for row in try statements.fetch("SELECT * FROM page_stages WHERE pageID = ?", [.integer(pageID)]) {
            stages.append(try row.decode(PageStageRecord.self))
        }
        return stages.sorted { $0.stage < $1.stage }
    }
}
