import Crypto
import Foundation

/// The one way sohoa reads a file to digest it: in 1 MiB chunks, so a large scan or bag never fills
/// memory. Used for OCFL content and fixity digests, bag verification, the fixity audit and the
/// batch preflight.
public enum FileHasher {
    /// Gives each chunk of the file at `url` to `body`, in order.
    public static func forEachChunk(of url: URL, _ body: (Data) throws -> Void) throws {
        let input = try FileHandle(forReadingFrom: url)
        defer { try? input.close() }
        while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
            try body(chunk)
        }
    }

    /// The lowercase hex digest of the file at `url` with `function` (`SHA256.self`, `SHA512.self`).
    public static func hex<H: HashFunction>(_ function: H.Type, of url: URL) throws -> String {
        var hasher = H()
        try forEachChunk(of: url) { hasher.update(data: $0) }
        return Hex.string(hasher.finalize())
    }
}
