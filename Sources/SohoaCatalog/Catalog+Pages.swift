import Foundation

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
