import Foundation
import PostgresNIO
import SohoaPostgres

/// Rows written straight into a catalog on PostgreSQL, for the schema, search and queue tests.
enum PostgresFixtures {
    /// Adds item `id` of library `LC` with `pages` pages (`p1`, `p2`, …); returns the pages' ids in order.
    @discardableResult
    static func addItem(_ connection: PostgresCatalogConnection, _ id: String, pages: Int) throws -> [Int64] {
        try connection.query(
            """
            INSERT INTO items (id, libraryCode, objectID, sourcePath, createdAt, updatedAt)
            VALUES (\(id), 'LC', \("urn:sohoa:LC:" + id), \("/batch/" + id), now(), now())
            """)
        return try connection.query(
            """
            INSERT INTO pages (itemID, name, sequence, sourcePath, sourceSHA256, updatedAt)
            SELECT \(id), 'p' || n, n, \("/batch/" + id + "/p") || n || '.tif', repeat('a', 64), now()
            FROM generate_series(1, \(pages)) AS n
            RETURNING id
            """
        ).map { try $0.decode(Int64.self) }.sorted()
    }

    /// Stores `text` as the text of page `pageID` of item `itemID`.
    static func addText(_ connection: PostgresCatalogConnection, pageID: Int64, itemID: String, _ text: String) throws {
        try connection.query("INSERT INTO page_texts (pageID, itemID, text, updatedAt) VALUES (\(pageID), \(itemID), \(text), now())")
    }
}
