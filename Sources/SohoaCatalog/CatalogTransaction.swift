import Foundation
import GRDB

/// The catalog inside one transaction, given to `Catalog.write(_:)`: several writes made through it
/// are kept together or not at all. Do not keep it after the closure returns.
public struct CatalogTransaction {
    let db: Database
    /// The catalog file, for errors.
    public let file: URL

    /// Runs a GRDB operation, turning its errors into `CatalogError`.
    func run<T>(_ body: () throws -> T) throws(CatalogError) -> T {
        do {
            return try body()
        } catch {
            throw CatalogError(error, file: file)
        }
    }
}
