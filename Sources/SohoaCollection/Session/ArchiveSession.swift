import Foundation
import SohoaArchive
import SohoaCatalog

/// An existing archive opened for reading: its OCFL root and its catalog. Used by `status`,
/// `search` and `export`, which must not create an archive where there is none.
public struct ArchiveSession: Sendable {
    public let folder: URL
    public let root: OCFLStorageRoot
    public let catalog: Catalog

    /// Opens the archive at `folder`; throws `RunError(.archive)` with a plain message if it isn't one.
    public init(folder: URL) throws(RunError) {
        try self.init(folder: folder) { () throws(CatalogError) in try Catalog(url: folder.appendingPathComponent(Catalog.fileName)) }
    }

    /// Opens the archive at `folder` with the catalog `openCatalog` gives (one on PostgreSQL, or a
    /// SQLite file elsewhere: `--catalog`); throws `RunError(.archive)` if the folder is not an archive.
    public init(folder: URL, catalog openCatalog: () throws(CatalogError) -> Catalog) throws(RunError) {
        self.folder = folder
        let marker = folder.appendingPathComponent("0=ocfl_1.1")
        guard FileManager.default.fileExists(atPath: marker.path) else {
            throw RunError(
                .archive,
                "\(folder.path) is not a sohoa archive (no 0=ocfl_1.1 there). Run `sohoa run <batch> --archive \(folder.path)` first, or pass --archive."
            )
        }
        do {
            root = try OCFLStorageRoot.openOrCreate(at: folder)
            catalog = try openCatalog()
        } catch {
            throw RunError(.archive, "the archive at \(folder.path) cannot be used: \(error)")
        }
    }
}
