import Foundation
import SohoaArchive
import SohoaCatalog

/// Opens the catalog a holdings register goes into: that of an existing archive, or of a new one
/// created at `folder` (the register may be imported before the first batch is run).
public enum HoldingsRegister {
    /// The archive's own `catalog.sqlite`, or `catalog` when given (`sohoa holdings import --catalog`).
    public static func openCatalog(archive folder: URL, catalog: Catalog? = nil) throws(RunError) -> Catalog {
        do {
            _ = try OCFLStorageRoot.openOrCreate(at: folder)
            if let catalog { return catalog }
            return try Catalog(url: folder.appendingPathComponent(Catalog.fileName))
        } catch {
            throw RunError(.archive, "the archive at \(folder.path) cannot be used: \(error)")
        }
    }
}
