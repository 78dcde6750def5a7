import Crypto
import Foundation

/// An OCFL 1.1 storage root using the community extension 0003-hash-and-id-n-tuple-storage-layout,
/// where sohoa keeps one object per item.
///
/// Writes are crash-safe: each new object or version is built in a staging folder inside the root
/// (`extensions/sohoa-staging/`) and renamed into place; `openOrCreate` repairs what an interrupted
/// write left behind. Different objects may be written from different threads (or processes) at once;
/// writes to one object are serialized by a lock per object.
public final class OCFLStorageRoot: Sendable {
    /// The storage root folder.
    public let url: URL
    let layout: HashAndIdNTupleLayout
    let faultInjector: (@Sendable (WriteStep) throws -> Void)?
    /// Current inventories of recently read objects (checked against the file before each use).
    let inventories = InventoryCache()

    /// The storage root's declaration file (OCFL 1.1 §4.2): a folder holding it is an archive.
    public static let declarationName = "0=ocfl_1.1"
    static let declarationContent = "ocfl_1.1\n"
    static let specificationName = "ocfl_1.1.md"
    static let layoutFileName = "ocfl_layout.json"
    static let stagingExtension = "sohoa-staging"
    static let objectDeclarationName = "0=ocfl_object_1.1"
    static let objectDeclarationContent = "ocfl_object_1.1\n"
    /// Root entries that may already exist in a folder that becomes a new storage root.
    static let allowedBeforeCreation: Set<String> = [
        "catalog.sqlite", "catalog.sqlite-wal", "catalog.sqlite-shm", "catalog.sqlite-journal",
        specificationName, layoutFileName, "extensions",
    ]

    /// Steps of a write at which tests can simulate a crash.
    enum WriteStep: Sendable, Equatable {
        case contentStaged, objectMovedIntoPlace, versionMovedIntoPlace, sidecarReplaced, workSetAside, repairing
    }

    init(url: URL, layout: HashAndIdNTupleLayout, faultInjector: (@Sendable (WriteStep) throws -> Void)?) {
        self.url = url
        self.layout = layout
        self.faultInjector = faultInjector
    }

    /// Opens the storage root at `url`, creating it when the folder is missing or empty, and repairs
    /// writes that a crash interrupted.
    ///
    /// A folder that is neither empty nor an OCFL storage root is refused (a `catalog.sqlite` and hidden
    /// files are allowed). Throws `OCFLError`.
    public static func openOrCreate(at url: URL) throws -> OCFLStorageRoot {
        try openOrCreate(at: url, faultInjector: nil)
    }

    static func openOrCreate(
        at url: URL, faultInjector: (@Sendable (WriteStep) throws -> Void)?
    ) throws -> OCFLStorageRoot {
        let url = url.standardizedFileURL
        try DurableFiles.makeFolder(url)
        let entries = try DurableFiles.entries(of: url)
        if entries.contains(declarationName) {
            try checkDeclaration(url)
        } else if let other = entries.first(where: { $0.hasPrefix("0=") }) {
            throw OCFLError.unsupportedStorageRoot(
                path: url.path, reason: "it declares \(other), this version of sohoa writes OCFL 1.1 only")
        } else {
            let foreign = entries.filter { !allowedBeforeCreation.contains($0) && !$0.hasPrefix(".") }
            if !foreign.isEmpty { throw OCFLError.notAStorageRoot(path: url.path, entries: foreign) }
            try create(at: url)
        }
        let layout = try readLayout(url)
        let root = OCFLStorageRoot(url: url, layout: layout, faultInjector: faultInjector)
        try DurableFiles.makeFolder(root.stagingWorkURL)
        try DurableFiles.makeFolder(root.lockFolderURL)
        try root.cleanStaleStaging()
        return root
    }

    /// The object folder for `id` (NFC), relative to the storage root: the 3 tuples of the SHA-256 of
    /// the id, then the percent-encoded id (see `HashAndIdNTupleLayout`).
    public func objectPath(for id: String) -> String {
        layout.objectPath(for: id.precomposedStringWithCanonicalMapping)
    }

    /// The head version's state of an object: logical path → SHA-512; nil when the object does not exist.
    public func headState(objectID: String) throws -> [String: String]? {
        let id = objectID.precomposedStringWithCanonicalMapping
        guard let inventory = try readInventory(objectID: id) else { return nil }
        guard let state = inventory.logicalState(inventory.head) else {
            throw OCFLError.corruptObject(
                objectID: id, path: objectURL(id).path, reason: "head \(inventory.head) is not in versions")
        }
        return state
    }

    /// The name of an object's head version ("v3"), or nil when the object does not exist.
    public func headVersion(objectID: String) throws -> String? {
        try readInventory(objectID: objectID.precomposedStringWithCanonicalMapping)?.head
    }

    /// An object's head version and its state, read together (pass `version` as `expectedHead` when
    /// writing a version based on it); nil when the object does not exist.
    public func head(objectID: String) throws -> ObjectHead? {
        let id = objectID.precomposedStringWithCanonicalMapping
        guard let inventory = try readInventory(objectID: id) else { return nil }
        guard let state = inventory.logicalState(inventory.head) else {
            throw OCFLError.corruptObject(
                objectID: id, path: objectURL(id).path, reason: "head \(inventory.head) is not in versions")
        }
        return ObjectHead(version: inventory.head, state: state)
    }

    /// How many inventory lookups were answered from memory and how many read `inventory.json`.
    public var inventoryCacheStatistics: (hits: Int, reads: Int) { inventories.statistics }

    /// The file holding a logical path of an object's head version, or nil when the object or path does not exist.
    public func contentURL(objectID: String, logicalPath: String) throws -> URL? {
        let id = objectID.precomposedStringWithCanonicalMapping
        let path = logicalPath.precomposedStringWithCanonicalMapping
        guard let inventory = try readInventory(objectID: id),
            let digest = inventory.logicalState(inventory.head)?[path]
        else { return nil }
        guard let contentPath = inventory.manifest[digest]?.sorted().first else {
            throw OCFLError.corruptObject(
                objectID: id, path: objectURL(id).path, reason: "digest of '\(path)' is not in the manifest")
        }
        return objectURL(id).appendingPathComponent(contentPath)
    }

    /// The ids of all objects in the storage root, sorted.
    public func objectIDs() throws -> [String] {
        var ids: [String] = []
        for folder in try objectFolders() {
            let inventoryURL = folder.appendingPathComponent("inventory.json")
            do {
                ids.append(try OCFLInventory.decode(Data(contentsOf: inventoryURL)).id)
            } catch {
                throw OCFLError.corruptObject(
                    objectID: "?", path: folder.path, reason: "inventory.json cannot be read (\(error))")
            }
        }
        return ids.sorted()
    }

    // MARK: - Internals shared by the extensions

    var stagingURL: URL { url.appendingPathComponent("extensions/\(Self.stagingExtension)", isDirectory: true) }
    var stagingWorkURL: URL { stagingURL.appendingPathComponent("work", isDirectory: true) }
    var lockFolderURL: URL { stagingURL.appendingPathComponent("locks", isDirectory: true) }

    func objectURL(_ nfcID: String) -> URL {
        url.appendingPathComponent(layout.objectPath(for: nfcID), isDirectory: true)
    }

    /// The lock file serializing writes to the object stored at `objectPath` (one of 4096 stripes, chosen
    /// by the SHA-256 of the path, so it depends on nothing but the path a staging folder records).
    func lockURL(objectPath: String) -> URL {
        let hash = Hex.string(SHA256.hash(data: Data(objectPath.utf8)))
        return lockFolderURL.appendingPathComponent("\(hash.prefix(3)).lock")
    }

    /// The object's current inventory (from the cache while `inventory.json` is unchanged), or nil
    /// when the object does not exist.
    func readInventory(objectID id: String) throws -> OCFLInventory? {
        let folder = objectURL(id)
        let inventoryURL = folder.appendingPathComponent("inventory.json")
        return try inventories.inventory(id: id, at: inventoryURL) { url in
            let inventory: OCFLInventory
            do {
                inventory = try OCFLInventory.decode(Data(contentsOf: url))
            } catch {
                throw OCFLError.corruptObject(objectID: id, path: folder.path, reason: "inventory.json cannot be read (\(error))")
            }
            if inventory.id != id {
                throw OCFLError.corruptObject(
                    objectID: id, path: folder.path, reason: "inventory.json belongs to object '\(inventory.id)'")
            }
            return inventory
        }
    }

    /// Folders of the objects in the root (folders holding an `0=ocfl_object_…` declaration).
    func objectFolders() throws -> [URL] {
        var found: [URL] = []
        var pending: [URL] = try DurableFiles.entries(of: url)
            .filter { $0 != "extensions" && !$0.hasPrefix(".") }
            .map { url.appendingPathComponent($0, isDirectory: true) }
            .filter(DurableFiles.isFolder)
        while let folder = pending.popLast() {
            let entries = try DurableFiles.entries(of: folder)
            if entries.contains(where: { $0.hasPrefix("0=ocfl_object_") }) {
                found.append(folder)
                continue
            }
            pending += entries.map { folder.appendingPathComponent($0, isDirectory: true) }.filter(DurableFiles.isFolder)
        }
        return found
    }
}
