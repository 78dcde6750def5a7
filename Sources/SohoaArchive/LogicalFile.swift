import Foundation

/// One file of an object version: where it appears in the object and where its bytes come from.
public struct LogicalFile: Sendable, Equatable {
    /// Where the bytes of a logical file come from.
    public enum Source: Sendable, Equatable {
        /// A file on disk, copied byte for byte.
        case file(URL)
        /// Bytes in memory.
        case data(Data)
    }

    /// Path inside the object (`masters/0001.tif`); normalized to NFC when written.
    public var logicalPath: String
    /// The bytes.
    public var source: Source

    /// Creates a logical file.
    public init(logicalPath: String, source: Source) {
        self.logicalPath = logicalPath
        self.source = source
    }
}
