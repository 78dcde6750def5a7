import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A random key kept in the archive (`extensions/sohoa-work/<name>.key`, readable by its owner only),
/// created once, for signing what the archive hands out and must recognise later (OAI-PMH resumption
/// tokens). HMAC-SHA256.
public struct ArchiveSecret: Sendable {
    private let bytes: Data

    private init(bytes: Data) { self.bytes = bytes }

    private var key: SymmetricKey { SymmetricKey(data: bytes) }

    /// A key that lives only as long as this value (for a catalog without an archive folder).
    public static func ephemeral() -> ArchiveSecret {
        ArchiveSecret(bytes: SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) })
    }

    /// The key `name` of the storage root at `root`, created (mode 0600) the first time. Several
    /// processes creating it at once end up with the same key. Throws `OCFLError.fileSystem`.
    public static func loadOrCreate(named name: String, in root: URL) throws -> ArchiveSecret {
        let folder = root.appendingPathComponent("extensions/sohoa-work", isDirectory: true)
        let url = folder.appendingPathComponent("\(name).key")
        if let existing = try read(url) { return existing }
        try DurableFiles.makeFolder(folder)
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        let temporary = folder.appendingPathComponent(".\(name).\(UUID().uuidString).tmp")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd < 0 { throw DurableFiles.failure("create key file", temporary) }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd)
        _ = close(fd)
        defer { _ = unlink(temporary.path) }
        guard written == bytes.count, synced == 0 else { throw DurableFiles.failure("write key file", temporary) }
        // link() fails if another process created the key first: then that key is the one.
        if link(temporary.path, url.path) != 0 && errno != EEXIST { throw DurableFiles.failure("create key file", url) }
        DurableFiles.syncFolder(folder)
        guard let key = try read(url) else { throw DurableFiles.failure("read key file", url) }
        return key
    }

    private static func read(_ url: URL) throws -> ArchiveSecret? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        guard let data = try? Data(contentsOf: url), data.count == 32 else {
            throw OCFLError.fileSystem(
                operation: "read key file", path: url.path, reason: "it is not a 32-byte key; remove it and a new one is made")
        }
        return ArchiveSecret(bytes: data)
    }

    /// The HMAC-SHA256 of `data`.
    public func authenticationCode(for data: Data) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: data, using: key))
    }

    /// Whether `code` is the HMAC-SHA256 of `data` (compared in constant time).
    public func isValid(_ code: Data, for data: Data) -> Bool {
        HMAC<SHA256>.isValidAuthenticationCode(code, authenticating: data, using: key)
    }
}
