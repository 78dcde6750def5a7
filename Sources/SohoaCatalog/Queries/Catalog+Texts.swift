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

extension CatalogTransaction {
    /// Stores a page's recognized text (as NFC), replacing any earlier text of the page, and indexes it
    /// for search. The page must belong to `itemID` (the schema checks it).
    public func recordPageText(
        pageID: Int64, itemID: String, text: String, at date: Date = Date()
    ) throws(CatalogError) {
        let text = text.precomposedStringWithCanonicalMapping
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL. The search index is each
        // engine's own: on PostgreSQL `page_texts.search` is a generated column, made by the insert;
        // on SQLite `page_search` (FTS5) is written by `PageSearchIndex`, still through GRDB.
        // Deleting the old row also removes its SQLite index row (trigger page_texts_delete_search).
        try statements.execute("DELETE FROM page_texts WHERE pageID = ?", [.integer(pageID)])
        try statements.execute(
            "INSERT INTO page_texts (pageID, itemID, text, updatedAt) VALUES (?, ?, ?, ?)",
            [.integer(pageID), .text(itemID), .text(text), .date(date)])
        if dialect == .sqlite {
            try run { try PageSearchIndex.insert(db, pageID: pageID, text: text) }
        } else {
            // The exact forms' tokens, which FTS5 keeps in `page_search.marks` (`PageMarkTokens`).
            try statements.execute(PageMarkTokens.upsertSQL, [.integer(pageID), .text(PageMarkTokens.lexemes(text))])
        }
    }

    /// The page's recognized text (NFC), if it has any.
    public func pageText(pageID: Int64) throws(CatalogError) -> String? {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        try statements.fetchOne("SELECT text FROM page_texts WHERE pageID = ?", [.integer(pageID)])?.string("text")
    }

    /// The item's pages that are done, in sequence order, each with its text (`nil` for image-only pages).
    public func exportablePages(itemID: String) throws(CatalogError) -> [PageExport] {
        // Ported to `CatalogStatements` (through `ownPages(itemID:)` and `pageText(pageID:)`).
        let pages = try ownPages(itemID: itemID).filter { $0.state == .done }
        var exports: [PageExport] = []
        for page in pages {
            let text = try page.id.map { id throws(CatalogError) in try pageText(pageID: id) } ?? nil
            exports.append(PageExport(page: page, text: text))
        }
        return exports
    }
}
