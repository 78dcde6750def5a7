import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO
import Synchronization

/// One connection to a catalog on PostgreSQL, used synchronously, like the SQLite catalog.
///
/// The catalog's API is synchronous (its callers are the pipeline's worker threads, the CLI, and the
/// server's handlers through their own thread pool), so this class calls PostgresNIO's
/// `EventLoopFuture` API and waits for the answer on the calling thread, while the socket is served by
/// NIO's shared event-loop threads. Its methods that wait are `noasync`: the compiler refuses them from
/// `async` code, which must not block Swift's cooperative pool. One statement or transaction at a time:
/// a lock (`NSLock`) keeps other threads' statements out of a running transaction.
public final class PostgresCatalogConnection: Sendable {
    /// Where the catalog is (without its password, for messages).
    public let address: PostgresCatalogAddress
    private let connection: PostgresConnection
    /// The longest wait for one statement's answer; `nil` waits as long as it takes.
    let statementTimeout: Duration?
    private let lock = NSLock()
    private static let logger = Logger(label: "sohoa.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Connects to the server at `address`.
    ///
    /// `statementTimeout` bounds the wait for each statement's answer: a connection cut without a word
    /// (a network gone silent) would otherwise block the calling thread for ever. After that long the
    /// connection is closed and the statement throws `.unreachable`; connect again to go on.
    ///
    /// - Throws: `PostgresCatalogError`: `.unreachable`, `.tlsFailed`, `.authenticationFailed`, `.noSuchDatabase`,
    ///   `.failed`.
    @available(*, noasync, message: "blocks the calling thread: call it from a thread of your own, not from async code")
    public init(
        _ address: PostgresCatalogAddress, connectTimeout: Duration = .seconds(10), statementTimeout: Duration? = nil
    ) throws(PostgresCatalogError) {
        self.address = address
        self.statementTimeout = statementTimeout
        var configuration: PostgresConnection.Configuration
        if let socket = address.unixSocketPath {
            let file = socket.hasSuffix(".s.PGSQL.\(address.port)") ? socket : "\(socket)/.s.PGSQL.\(address.port)"
            configuration = .init(unixSocketPath: file, username: address.user, password: address.password, database: address.database)
        } else {
            let tls: PostgresConnection.Configuration.TLS
            do {
                let context = try Self.tlsConfiguration(for: address.encryption).map { try NIOSSLContext(configuration: $0) }
                switch (address.encryption, context) {
                case (.prefer, let context?): tls = .prefer(context)
                case (.require, let context?), (.verifyCA, let context?), (.verifyFull, let context?): tls = .require(context)
                default: tls = .disable
                }
            } catch {
                throw PostgresCatalogError(
                    kind: .tlsFailed, message: "không khởi tạo được TLS / cannot set up TLS for \(address): \(error)")
            }
            configuration = .init(
                host: address.host ?? "localhost", port: address.port, username: address.user, password: address.password,
                database: address.database, tls: tls)
        }
        configuration.options.connectTimeout = .nanoseconds(
            Int64(connectTimeout.components.seconds) * 1_000_000_000 + connectTimeout.components.attoseconds / 1_000_000_000)
        do {
            connection = try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: 1, logger: Self.logger
            ).wait()
        } catch {
            throw Self.connectionError(error, address: address)
        }
    }

    deinit {
        connection.close().whenComplete { _ in }
    }

    /// Whether the connection is closed (by `close()`, the server or the network).
    public var isClosed: Bool { connection.isClosed }

    /// Whether the connection still answers: open, and `SELECT 1` runs on it (a connection the server
    /// ended, e.g. by `pg_terminate_backend`, may look open until a statement fails on it).
    @available(*, noasync, message: "blocks the calling thread: call it from a thread of your own, not from async code")
    public var answers: Bool {
        !isClosed && (try? query("SELECT 1")) != nil && !isClosed
    }

    /// Closes the connection; waits until it is closed.
    @available(*, noasync, message: "blocks the calling thread: call it from a thread of your own, not from async code")
    public func close() {
        _ = try? connection.close().wait()
    }

    /// Runs one statement (its own transaction) and returns its rows.
    @discardableResult
    @available(*, noasync, message: "blocks the calling thread: call it from a thread of your own, not from async code")
    public func query(_ query: PostgresQuery) throws(PostgresCatalogError) -> [PostgresRow] {
        lock.lock()
        defer { lock.unlock() }
        return try run(query).rows
    }

    /// Runs `body` in one transaction: all of its statements are kept, or none if it throws.
    @available(*, noasync, message: "blocks the calling thread: call it from a thread of your own, not from async code")
    public func transaction<T>(_ body: (PostgresCatalogTransaction) throws(PostgresCatalogError) -> T) throws(PostgresCatalogError) -> T {
        lock.lock()
        defer { lock.unlock() }
        try run("BEGIN")
        do {
            let value = try body(PostgresCatalogTransaction(connection: self))
            try run("COMMIT")
            return value
        } catch {
            _ = try? run("ROLLBACK")
            throw error
        }
    }

    /// Runs `query` on the connection, waiting for all of its rows; the caller holds `lock`.
    @discardableResult
    func run(_ query: PostgresQuery) throws(PostgresCatalogError) -> PostgresQueryResult {
        // A statement sent on a connection the server closed (a restart, `pg_terminate_backend`, a
        // network cut) waits for an answer that never comes: refuse it, so the caller can connect again.
        guard !connection.isClosed else {
            throw PostgresCatalogError(
                kind: .unreachable,
                message: "mất kết nối tới máy chủ PostgreSQL \(address) / the connection to the PostgreSQL server at \(address) "
                    + "was closed by the server or the network; connect again",
                sql: query.sql)
        }
        let answer = Answer()
        connection.query(query, logger: Self.logger).whenComplete { result in
            answer.result.withLock { $0 = result }
            answer.arrived.signal()
        }
        if let statementTimeout {
            let nanoseconds = statementTimeout.components.seconds * 1_000_000_000 + statementTimeout.components.attoseconds / 1_000_000_000
            if answer.arrived.wait(timeout: .now() + .nanoseconds(Int(nanoseconds))) == .timedOut {
                // No answer: the server or the network is gone without a word. Close the connection (its
                // statement fails on its own) so the caller connects again.
                connection.close().whenComplete { _ in }
                throw PostgresCatalogError(
                    kind: .unreachable,
                    message: "máy chủ PostgreSQL \(address) không trả lời sau \(statementTimeout); đã đóng kết nối / the PostgreSQL "
                        + "server at \(address) did not answer within \(statementTimeout) (the network or the server is down); "
                        + "the connection is closed, connect again",
                    sql: query.sql)
            }
        } else {
            answer.arrived.wait()
        }
        switch answer.result.withLock({ $0 }) {
        case .success(let result): return result
        case .failure(let error): throw Self.queryError(error, sql: query.sql, address: address)
        case nil: throw Self.queryError(PostgresCatalogError(kind: .unreachable, message: "no answer"), sql: query.sql, address: address)
        }
    }

    /// A statement's answer, handed from NIO's event loop to the waiting thread.
    private final class Answer: Sendable {
        let result = Mutex<Result<PostgresQueryResult, any Error>?>(nil)
        let arrived = DispatchSemaphore(value: 0)
    }

    /// The TLS client settings for `encryption`, checking the server's certificate as libpq does:
    /// not at all for `prefer` and `require` (they only encrypt), its chain of trust for `verify-ca`, the
    /// chain and the host name for `verify-full`; nil for `disable`.
    static func tlsConfiguration(for encryption: PostgresCatalogAddress.Encryption) -> TLSConfiguration? {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch encryption {
        case .disable: return nil
        case .prefer, .require: configuration.certificateVerification = .none
        case .verifyCA: configuration.certificateVerification = .noHostnameVerification
        case .verifyFull: configuration.certificateVerification = .fullVerification
        }
        return configuration
    }

    /// A failure to connect, in plain words.
    static func connectionError(_ error: any Error, address: PostgresCatalogAddress) -> PostgresCatalogError {
        let psql = error as? PSQLError
        let state = psql?.serverInfo?[.sqlState]
        let detail = psql?.serverInfo?[.message] ?? psql.map { "\($0.code)" } ?? "\(error)"
        let code = psql?.code
        if code == .sslUnsupported {
            return PostgresCatalogError(
                kind: .tlsFailed,
                message: "máy chủ PostgreSQL \(address) không hỗ trợ kết nối mã hoá (TLS) mà sslmode=\(address.encryption.rawValue) "
                    + "đòi hỏi / the PostgreSQL server at \(address) does not offer the encryption (TLS) that "
                    + "sslmode=\(address.encryption.rawValue) requires; turn on ssl in the server's postgresql.conf, or use "
                    + "sslmode=prefer (or disable) on a trusted network")
        }
        if code == .failedToAddSSLHandler || Self.isTLSError(error) || psql?.underlying.map(Self.isTLSError) == true {
            let cause = psql?.underlying.map { "\($0)" } ?? "\(error)"
            return PostgresCatalogError(
                kind: .tlsFailed,
                message: "không thiết lập được kết nối mã hoá (TLS) tới máy chủ PostgreSQL \(address) / the encrypted (TLS) "
                    + "connection to the PostgreSQL server at \(address) failed (\(cause)); with sslmode=verify-ca or "
                    + "verify-full the server's certificate must be signed by an authority this machine trusts (and, for "
                    + "verify-full, name the host): install that authority's certificate, or use sslmode=require, which "
                    + "encrypts without checking the certificate")
        }
        if state == "28P01" || state == "28000" || code == .authMechanismRequiresPassword || code == .saslError {
            return PostgresCatalogError(
                kind: .authenticationFailed,
                message: "máy chủ PostgreSQL từ chối tên người dùng hoặc mật khẩu của \(address) / the PostgreSQL server "
                    + "refused the user name or password of \(address) (\(detail)); check the user and password in the address",
                sqlState: state)
        }
        if state == "3D000" {
            return PostgresCatalogError(
                kind: .noSuchDatabase,
                message: "máy chủ PostgreSQL không có cơ sở dữ liệu \(address.database) / the PostgreSQL server has no "
                    + "database \(address.database); create it first (createdb -O \(address.user) \(address.database))",
                sqlState: state)
        }
        if code == .server {
            return PostgresCatalogError(
                kind: .failed,
                message: "máy chủ PostgreSQL từ chối kết nối tới \(address) / the PostgreSQL server refused the connection "
                    + "to \(address) (\(detail))",
                sqlState: state)
        }
        return PostgresCatalogError(
            kind: .unreachable,
            message: "không kết nối được máy chủ PostgreSQL \(address) / cannot reach the PostgreSQL server at "
                + "\(address) (\(psql?.underlying.map { "\($0)" } ?? detail)); check that the server runs and "
                + "that the host and port are right")
    }

    /// Whether `error` comes from TLS (the handshake, the certificate check).
    static func isTLSError(_ error: any Error) -> Bool {
        error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError
    }

    /// A failed statement, in plain words.
    static func queryError(_ error: any Error, sql: String, address: PostgresCatalogAddress) -> PostgresCatalogError {
        guard let psql = error as? PSQLError, psql.code == .server else {
            return PostgresCatalogError(
                kind: .unreachable,
                message: "mất kết nối tới máy chủ PostgreSQL \(address) / lost the connection to the PostgreSQL server "
                    + "at \(address) (\(error)); run the command again once the server answers",
                sql: sql)
        }
        let state = psql.serverInfo?[.sqlState]
        let detail = psql.serverInfo?[.message] ?? "\(psql.code)"
        if state == "55P03" {
            return PostgresCatalogError(
                kind: .locked,
                message: "danh mục đang bận: một chương trình khác đang ghi quá lâu / the catalog at \(address) is busy: "
                    + "another program has been writing to it for too long (\(detail)); try again in a moment",
                sql: sql, sqlState: state)
        }
        if state?.hasPrefix("23") == true {
            return PostgresCatalogError(
                kind: .constraintViolated,
                message: "danh mục từ chối một thao tác ghi / the catalog at \(address) rejected a write (\(detail)); "
                    + "check the values written", sql: sql, sqlState: state)
        }
        return PostgresCatalogError(
            kind: .failed,
            message: "danh mục PostgreSQL báo lỗi / the catalog at \(address) failed (\(detail)); run the command "
                + "again, and report it if it persists", sql: sql, sqlState: state)
    }
}
