import Foundation
import GRDB

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

extension CatalogTransaction {
    /// Stores a page's recognized text (as NFC), replacing any earlier text of the page, and indexes it
    /// for search. The page must belong to `itemID` (the schema checks it).
    public func recordPageText(
        pageID: Int64, itemID: String, text: String, at date: Date = Date()
    ) throws(CatalogError) {
        let text = text.precomposedStringWithCanonicalMapping
        try run {
            // Deleting the old row also removes its index row (trigger page_texts_delete_search).
            try db.execute(sql: "DELETE FROM page_texts WHERE pageID = ?", arguments: [pageID])
            try db.execute(
                sql: "INSERT INTO page_texts (pageID, itemID, text, updatedAt) VALUES (?, ?, ?, ?)",
                arguments: [pageID, itemID, text, date])
            try PageSearchIndex.insert(db, pageID: pageID, text: text)
        }
    }

    /// The page's recognized text (NFC), if it has any.
    public func pageText(pageID: Int64) throws(CatalogError) -> String? {
        try run { try String.fetchOne(db, sql: "SELECT text FROM page_texts WHERE pageID = ?", arguments: [pageID]) }
    }

    /// The item's pages that are done, in sequence order, each with its text (`nil` for image-only pages).
    public func exportablePages(itemID: String) throws(CatalogError) -> [PageExport] {
        let pages = try pages(itemID: itemID).filter { $0.state == .done }
        var exports: [PageExport] = []
        for page in pages {
            let text = try page.id.map { id throws(CatalogError) in try pageText(pageID: id) } ?? nil
            exports.append(PageExport(page: page, text: text))
        }
        return exports
    }
}
