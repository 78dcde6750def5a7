import Crypto
import Foundation

/// The SHA-512 (OCFL content digest) and SHA-256 (fixity) of a file's bytes.
struct FileDigests: Equatable, Sendable {
    var sha512: String
    var sha256: String

    /// Digests of bytes in memory.
    init(of data: Data) {
        sha512 = Hex.string(SHA512.hash(data: data))
        sha256 = Hex.string(SHA256.hash(data: data))
    }

    init(sha512: String, sha256: String) {
        self.sha512 = sha512
        self.sha256 = sha256
    }

    /// Copies `source` to `destination` (which must not exist) in chunks, digesting the bytes copied,
    /// and flushes the copy to disk.
    static func copy(from source: URL, to destination: URL) throws -> FileDigests {
        let output = try DurableFiles.createForWriting(destination)
        defer { try? output.close() }
        var sha512 = SHA512()
        var sha256 = SHA256()
        try FileHasher.forEachChunk(of: source) { chunk in
            sha512.update(data: chunk)
            sha256.update(data: chunk)
            try output.write(contentsOf: chunk)
        }
        try output.synchronize()
        return FileDigests(sha512: Hex.string(sha512.finalize()), sha256: Hex.string(sha256.finalize()))
    }
}
