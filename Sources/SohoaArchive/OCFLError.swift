import Foundation

/// An error from the OCFL storage root, naming the object or path involved and what to do about it.
public enum OCFLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The folder exists, is not empty and is not an OCFL storage root.
    case notAStorageRoot(path: String, entries: [String])
    /// The folder is an OCFL storage root this code cannot write (other version or layout).
    case unsupportedStorageRoot(path: String, reason: String)
    /// The object identifier cannot be used.
    case invalidObjectID(String, reason: String)
    /// A logical path is not allowed by OCFL or by the file system.
    case invalidLogicalPath(objectID: String, logicalPath: String, reason: String)
    /// Two files of one version have the same logical path (after NFC normalization).
    case duplicateLogicalPath(objectID: String, logicalPath: String)
    /// A source file for a logical path could not be read.
    case unreadableSource(objectID: String, logicalPath: String, source: String, reason: String)
    /// An object's inventory is missing, unreadable or inconsistent.
    case corruptObject(objectID: String, path: String, reason: String)
    /// A file-system operation failed.
    case fileSystem(operation: String, path: String, reason: String)
    /// Someone wrote a version of the object since the change was read: nothing was written.
    case headMoved(objectID: String, expected: String, found: String?)

    public var description: String {
        switch self {
        case .notAStorageRoot(let path, let entries):
            let shown = entries.prefix(5).joined(separator: ", ")
            return "\(path) is not an OCFL storage root (no 0=ocfl_1.1) and is not empty (contains \(shown)"
                + (entries.count > 5 ? ", …" : "") + "); choose an empty or new folder for the archive"
        case .unsupportedStorageRoot(let path, let reason):
            return "OCFL storage root \(path) cannot be used: \(reason)"
        case .invalidObjectID(let id, let reason):
            return "object id '\(id)' cannot be used: \(reason); use urn:sohoa:<library-code>:<item-id>"
        case .invalidLogicalPath(let id, let path, let reason):
            return "object \(id): logical path '\(path)' is not allowed: \(reason); rename the file"
        case .duplicateLogicalPath(let id, let path):
            return "object \(id): logical path '\(path)' is given twice (after Unicode NFC normalization); "
                + "give each file its own path"
        case .unreadableSource(let id, let path, let source, let reason):
            return "object \(id): cannot read source \(source) for '\(path)': \(reason); check that the file exists and is readable"
        case .corruptObject(let id, let path, let reason):
            return "object \(id) at \(path) is damaged: \(reason); run `sohoa audit` and restore the object from a backup"
        case .fileSystem(let operation, let path, let reason):
            return "cannot \(operation) \(path): \(reason); check free space and permissions of the archive folder"
        case .headMoved(let id, let expected, let found):
            return "object \(id) changed while this change was prepared (it was based on \(expected), the archive now has "
                + (found ?? "no such object") + "); nothing was written: read the item again and redo the change"
        }
    }
}
