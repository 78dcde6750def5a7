import Crypto
import Foundation

/// The size and SHA-256 of a package file, as METS records them (`SIZE`, `CHECKSUM`).
public struct PackageFileFacts: Sendable, Equatable, Codable {
    /// Size in bytes.
    public var size: Int64
    /// SHA-256, lowercase hex.
    public var sha256: String

    /// Facts given directly.
    public init(size: Int64, sha256: String) {
        self.size = size
        self.sha256 = sha256
    }

    /// Facts of bytes in memory.
    public init(of data: Data) {
        size = Int64(data.count)
        sha256 = Hex.string(SHA256.hash(data: data))
    }

    /// Facts of a file on disk, read in chunks.
    public init(contentsOf url: URL) throws {
        let input = try FileHandle(forReadingFrom: url)
        defer { try? input.close() }
        var hash = SHA256()
        var total: Int64 = 0
        while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
            hash.update(data: chunk)
            total += Int64(chunk.count)
        }
        size = total
        sha256 = Hex.string(hash.finalize())
    }
}
