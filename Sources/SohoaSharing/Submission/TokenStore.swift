import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The tokens `sohoa login` keeps, one per server, in `$XDG_CONFIG_HOME/sohoa/tokens.json`
/// (`~/.config/sohoa/tokens.json`): written with mode 0600 in a 0700 folder, and refused when other
/// users could read it.
public struct TokenStore: Sendable {
    /// The file.
    public let file: URL

    public init(file: URL) {
        self.file = file
    }

    /// The store in the user's configuration folder.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> TokenStore {
        let base =
            environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".config")
        return TokenStore(file: base.appendingPathComponent("sohoa").appendingPathComponent("tokens.json"))
    }

    /// The token kept for `server`, or nil.
    public func token(for server: String) throws(TokenStoreError) -> String? {
        try load()[Self.key(server)]
    }

    /// Keeps `token` for `server`, replacing the one before.
    public func save(_ token: String, for server: String) throws(TokenStoreError) {
        var tokens = try load()
        tokens[Self.key(server)] = token
        let folder = file.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw TokenStoreError("\(folder.path) cannot be made: \(error.localizedDescription)")
        }
        let data: Data
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            data = try encoder.encode(tokens)
        } catch {
            throw TokenStoreError("the tokens cannot be written: \(error)")
        }
        // Made 0600 from the start (never readable by others, not even for a moment), then renamed over the old one.
        let temporary = folder.appendingPathComponent(".tokens.\(UUID().uuidString).json")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw TokenStoreError("\(temporary.path) cannot be made (error \(errno))") }
        let written = data.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        fsync(fd)
        close(fd)
        guard written == data.count, rename(temporary.path, file.path) == 0 else {
            unlink(temporary.path)
            throw TokenStoreError("\(file.path) cannot be written (error \(errno))")
        }
    }

    /// Every kept token by server; refuses a file others may read or write.
    func load() throws(TokenStoreError) -> [String: String] {
        var info = stat()
        guard stat(file.path, &info) == 0 else { return [:] }
        if info.st_mode & 0o077 != 0 {
            throw TokenStoreError(
                "\(file.path) can be read by other users (mode \(String(info.st_mode & 0o777, radix: 8))); "
                    + "it is not used: run `chmod 600 \(file.path)` and `sohoa login` again")
        }
        if info.st_uid != getuid() {
            throw TokenStoreError("\(file.path) belongs to another user; it is not used: remove it and `sohoa login` again")
        }
        do {
            return try JSONDecoder().decode([String: String].self, from: Data(contentsOf: file))
        } catch {
            throw TokenStoreError("\(file.path) cannot be read (\(error.localizedDescription)); remove it and `sohoa login` again")
        }
    }

    /// A server address as kept: no trailing slash, scheme and host in lower case.
    static func key(_ server: String) -> String {
        var text = server
        while text.hasSuffix("/") { text.removeLast() }
        guard var parts = URLComponents(string: text) else { return text }
        parts.scheme = parts.scheme?.lowercased()
        parts.host = parts.host?.lowercased()
        return parts.string ?? text
    }
}

/// The token file cannot be used; the message says what to do.
public struct TokenStoreError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
