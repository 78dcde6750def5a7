import Foundation

/// Where a catalog on PostgreSQL is: `postgresql://user:password@host:port/database?sslmode=…`, as
/// libpq writes it (`postgres://` too). `?host=/run/postgresql` reaches the server over its Unix socket.
public struct PostgresCatalogAddress: Sendable, Equatable, CustomStringConvertible {
    /// How the connection is encrypted (libpq's `sslmode`), checked as libpq checks it: `prefer` and
    /// `require` encrypt without checking the server's certificate (Debian's PostgreSQL serves TLS with a
    /// self-signed one), `verify-ca` checks it against the system's trusted authorities, `verify-full`
    /// also checks that it names the host.
    public enum Encryption: String, Sendable, Equatable {
        /// Never TLS (`sslmode=disable`): a server on the same machine or a trusted network.
        case disable
        /// TLS when the server offers it, certificate not checked (`sslmode=prefer`, libpq's default;
        /// sohoa's too; `allow` means this too).
        case prefer
        /// TLS or no connection, certificate not checked (`sslmode=require`).
        case require
        /// TLS with a certificate signed by a trusted authority, for any host name (`sslmode=verify-ca`).
        case verifyCA = "verify-ca"
        /// TLS with a trusted certificate that names the host (`sslmode=verify-full`).
        case verifyFull = "verify-full"
    }

    /// The query parameters an address may carry (libpq's names); any other is refused, so a misspelt
    /// `sslmode` is not silently ignored.
    public static let parameters: Set<String> = ["host", "port", "user", "password", "sslmode"]

    /// The server's host name or address; nil with `unixSocketPath`.
    public var host: String?
    /// The server's TCP port.
    public var port: Int
    /// The folder holding the server's Unix socket (`?host=/run/postgresql`), if that is the way in.
    public var unixSocketPath: String?
    /// The user to sign in as.
    public var user: String
    /// The user's password, if the server asks for one.
    public var password: String?
    /// The database holding the catalog.
    public var database: String
    /// How the connection is encrypted.
    public var encryption: Encryption

    /// Parses `text`, a `postgresql://` URL.
    ///
    /// - Throws: `PostgresCatalogError` (`.badAddress`) saying what is wrong with it.
    public init(_ text: String) throws(PostgresCatalogError) {
        func bad(_ vi: String, _ en: String) -> PostgresCatalogError {
            PostgresCatalogError(
                kind: .badAddress,
                message: "địa chỉ cơ sở dữ liệu không dùng được: \(vi) / the catalog address is not usable: \(en) "
                    + "(expected postgresql://user:password@host:5432/database)")
        }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            throw bad("không đọc được địa chỉ", "it cannot be read as a URL")
        }
        guard scheme == "postgresql" || scheme == "postgres" else {
            throw bad("phải bắt đầu bằng postgresql://", "it must start with postgresql://")
        }
        var query: [String: String] = [:]
        for item in components.queryItems ?? [] {
            guard Self.parameters.contains(item.name) else {
                throw bad(
                    "không hiểu tham số ?\(item.name)=",
                    "the parameter ?\(item.name)= is not known (known: \(Self.parameters.sorted().joined(separator: ", ")))")
            }
            query[item.name] = item.value ?? ""
        }
        let socket = query["host"].flatMap { $0.hasPrefix("/") ? $0 : nil }
        let host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? query["host"].flatMap { $0.hasPrefix("/") ? nil : $0 }
        guard host != nil || socket != nil else {
            throw bad("thiếu tên máy chủ", "the server's host name is missing")
        }
        // Decoded here: Foundation's `user` and `password` leave the percent escapes on some platforms.
        let user = components.percentEncodedUser.flatMap { $0.removingPercentEncoding } ?? query["user"]
        guard let user, !user.isEmpty else {
            throw bad("thiếu tên người dùng", "the user name is missing")
        }
        let database = String((components.percentEncodedPath.removingPercentEncoding ?? "").drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else {
            throw bad("thiếu tên cơ sở dữ liệu sau dấu /", "the database name after the / is missing")
        }
        var port = components.port ?? 5432
        if components.port == nil, let text = query["port"] {
            guard let number = Int(text) else {
                throw bad("tham số ?port=\(text) không phải là số", "the parameter ?port=\(text) is not a number")
            }
            port = number
        }
        guard (1...65535).contains(port) else {
            throw bad("cổng \(port) không hợp lệ", "port \(port) is out of range")
        }
        let encryption: Encryption
        switch query["sslmode"] ?? "prefer" {
        case "disable": encryption = .disable
        case "allow", "prefer": encryption = .prefer
        case "require": encryption = .require
        case "verify-ca": encryption = .verifyCA
        case "verify-full": encryption = .verifyFull
        case let other:
            throw bad(
                "tham số ?sslmode=\(other) không được hỗ trợ",
                "the parameter ?sslmode=\(other) is not supported (disable, allow, prefer, require, verify-ca, verify-full)")
        }
        self.host = host
        self.port = port
        self.unixSocketPath = socket
        self.user = user
        self.password = components.percentEncodedPassword.flatMap { $0.removingPercentEncoding } ?? query["password"]
        self.database = database
        self.encryption = encryption
    }

    /// Whether `text` is meant as a PostgreSQL address (rather than a SQLite file or archive folder).
    public static func isPostgres(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.hasPrefix("postgresql:") || lowered.hasPrefix("postgres:")
    }

    /// The address without its password, for messages and logs.
    public var description: String {
        let server = unixSocketPath.map { "localhost?host=\($0)" } ?? "\(host ?? ""):\(port)"
        return "postgresql://\(user)@\(server)/\(database)"
    }
}
