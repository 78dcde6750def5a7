import Foundation

extension Catalog {
    /// Stores a page's recognized text (as NFC), replacing any earlier text of the page, and indexes it
    /// for search.
    public func recordPageText(
        pageID: Int64, itemID: String, text: String, at date: Date = Date()
    ) throws(CatalogError) {
        try write { tx throws(CatalogError) in
            try tx.recordPageText(pageID: pageID, itemID: itemID, text: text, at: date)
        }
    }

    /// The page's recognized text (NFC), if it has any.
    public func pageText(pageID: Int64) throws(CatalogError) -> String? {
        try read { tx throws(CatalogError) in try tx.pageText(pageID: pageID) }
    }

    /// The item's pages that are done, in sequence order, each with its text.
    public func exportablePages(itemID: String) throws(CatalogError) -> [PageExport] {
        try read { tx throws(CatalogError) in try tx.exportablePages(itemID: itemID) }
    }
}
