import Foundation
import PostgresNIO
import SohoaCatalog

/// The catalog on PostgreSQL as a `CatalogBackend`: `Catalog(backend:)` over a small pool of
/// connections (`PostgresConnectionPool`), its schema brought up to date by
/// `PostgresCatalogSchema.migrate` when opened. Each transaction runs on a connection of its own, so
/// up to `connections` run at once (the web server's requests); more wait for one to come back. A
/// connection the server or the network dropped is replaced: a transaction that failed on it before
/// its first statement (read or write), or a read, runs again once on another connection; a write
/// that may have reached the server is not run again: when the connection broke after its statements
/// ran, its error is `CatalogError.Kind.outcomeUnknown` (the COMMIT may have landed). After a broken
/// connection the idle ones are closed too (a server restart ends them all) before the retry.
/// Writes run one at a time, as on SQLite, also across processes (the server, `sohoa run`, the CLI):
/// each takes the transaction-level advisory lock `writeLock` right after BEGIN, so a check-then-insert
/// write (a quota, an upload resumed) stays atomic at READ COMMITTED and writes cannot deadlock. A
/// writer waits `lockTimeoutSeconds` for it, then fails with `.locked`, as on SQLite; a client idle
/// inside a transaction for `idleInTransactionSeconds` is disconnected by the server, freeing it.
/// Reads see one snapshot (`REPEATABLE READ, READ ONLY`). The session's time zone is UTC, so dates
/// bound as `timestamptz` compare with the catalog's `TIMESTAMP(3)` columns (UTC) as SQLite's text
/// dates do.
public final class PostgresCatalogBackend: CatalogBackend {
    /// How many connections a backend opens at most, unless told otherwise: a few, for the web
    /// server's concurrent requests (a command opens only the first until it needs more).
    public static let defaultConnections = 4

    /// The key of the advisory lock every write transaction takes first ("sohoa" in ASCII), so that
    /// the catalog has one writer at a time across connections and processes.
    public static let writeLock: Int64 = 0x73_6F_68_6F_61

    /// The connections the catalog's statements run on.
    private let pool: PostgresConnectionPool
    public let location: URL

    /// How many connections are open now (lent or idle).
    public var openConnections: Int { pool.openCount }

    /// Connects to the catalog at `address` and brings its schema up to date; with `creating` false
    /// (the commands that only read it), an empty database is refused instead of made a catalog.
    ///
    /// - Throws: `PostgresCatalogError`: the connection's errors, `.notACatalog`, `.newerThanThisSohoa`.
    @available(*, noasync, message: "blocks the calling thread: call it from a thread of your own, not from async code")
    public init(
        _ address: PostgresCatalogAddress, creating: Bool = true, connections: Int = PostgresCatalogBackend.defaultConnections
    ) throws(PostgresCatalogError) {
        let connection = try PostgresCatalogConnection(address)
        do throws(PostgresCatalogError) {
            let isCatalog = { () throws(PostgresCatalogError) -> Bool in
                let rows = try connection.query("SELECT to_regclass('grdb_migrations') IS NOT NULL")
                return (try? rows.first?.decode(Bool.self)) == true
            }
            if !creating, try !isCatalog() {
                throw PostgresCatalogError(
                    kind: .notACatalog,
                    message: "cơ sở dữ liệu \(address) chưa có danh mục sohoa: chép một danh mục vào bằng `sohoa catalog copy "
                        + "--from … --to \(address)`, hoặc kiểm tra tên cơ sở dữ liệu / the database at \(address) holds no "
                        + "sohoa catalog: copy one into it with `sohoa catalog copy --from … --to \(address)`, or check the "
                        + "database's name")
            }
            try PostgresCatalogSchema.migrate(connection)
            try Self.prepare(connection)
        } catch {
            connection.close()
            throw error
        }
        pool = PostgresConnectionPool(first: connection, address: address, maximum: connections, prepare: Self.prepare)
        location = URL(string: address.description) ?? URL(fileURLWithPath: address.database)
    }

    deinit {
        // Closed and waited for: PostgresNIO wants its connections closed before they go away.
        pool.closeIdle()
    }

    /// How long a write waits for another writer's lock before failing with `.locked`: SQLite's busy
    /// timeout (`Catalog(url:busyTimeout:)`), so both backends fail alike.
    public static let lockTimeoutSeconds = 10

    /// How long the server lets a client sit idle inside a transaction before it ends the session (and
    /// the transaction, and its write lock): a worker whose network was cut, or whose machine was
    /// suspended, mid-write would otherwise hold every other writer up until TCP gives up (hours).
    /// sohoa's transactions never wait that long between statements.
    public static let idleInTransactionSeconds = 300

    /// The session's settings, on every connection before it is lent.
    private static func prepare(_ connection: PostgresCatalogConnection) throws(PostgresCatalogError) {
        try connection.query("SET TIME ZONE 'UTC'")
        // SET takes no bound parameters: the values are this type's own integers.
        try connection.query("SET lock_timeout = '\(unescaped: String(lockTimeoutSeconds))s'")
        try connection.query("SET idle_in_transaction_session_timeout = '\(unescaped: String(idleInTransactionSeconds))s'")
    }

    /// The catalog at `address`, opened on PostgreSQL (see `init(_:)`).
    @available(*, noasync, message: "blocks the calling thread: call it from a thread of your own, not from async code")
    public static func catalog(_ address: PostgresCatalogAddress) throws(PostgresCatalogError) -> Catalog {
        Catalog(backend: try PostgresCatalogBackend(address))
    }

    public func write<T>(_ body: (any CatalogStatements) throws(CatalogError) -> T) throws(CatalogError) -> T {
        try transaction(readOnly: false, body)
    }

    public func read<T>(_ body: (any CatalogStatements) throws(CatalogError) -> T) throws(CatalogError) -> T {
        try transaction(readOnly: true, body)
    }

    /// Runs `body` in one transaction on a connection of the pool; rolls it back when `body` throws, and
    /// throws `body`'s error. On a connection found dropped, runs it again once on another (see the
    /// type's documentation).
    private func transaction<T>(
        readOnly: Bool, _ body: (any CatalogStatements) throws(CatalogError) -> T
    ) throws(CatalogError) -> T {
        var attempt = 1
        while true {
            let connection: PostgresCatalogConnection
            do throws(PostgresCatalogError) {
                connection = try pool.borrow()
            } catch {
                throw PostgresCatalogStatements.catalogError(error, location: location)
            }
            var started = false
            var finished = false
            do throws(CatalogError) {
                let value = try transaction(on: connection, readOnly: readOnly, started: &started, finished: &finished, body)
                pool.giveBack(connection)
                return value
            } catch {
                let broken = !connection.answers
                pool.giveBack(connection, broken: broken)
                guard broken else { throw error }
                // A server restart ends every connection: let the idle ones go too, so the retry (and
                // the next borrowers) open new ones instead of finding them dead one by one.
                pool.closeIdle()
                if !readOnly && finished {
                    throw CatalogError.outcomeUnknown(file: location, detail: error.message)
                }
                guard attempt == 1, readOnly || !started else { throw error }
                attempt += 1
            }
        }
    }

    /// Runs `body` in one transaction on `connection`; `started` tells whether `body` was called, and
    /// `finished` whether it returned (so a failure after it is the COMMIT's).
    private func transaction<T>(
        on connection: PostgresCatalogConnection, readOnly: Bool, started: inout Bool, finished: inout Bool,
        _ body: (any CatalogStatements) throws(CatalogError) -> T
    ) throws(CatalogError) -> T {
        let location = self.location
        var bodyError: CatalogError?
        var called = false
        var returned = false
        defer {
            started = called
            finished = returned
        }
        do throws(PostgresCatalogError) {
            return try connection.transaction { tx throws(PostgresCatalogError) -> T in
                if readOnly {
                    try tx.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                } else {
                    try tx.execute("SELECT pg_advisory_xact_lock(CAST(\(Self.writeLock) AS bigint))")
                }
                called = true
                do throws(CatalogError) {
                    let value = try body(PostgresCatalogStatements(transaction: tx, location: location))
                    returned = true
                    return value
                } catch {
                    bodyError = error
                    throw PostgresCatalogError(kind: .failed, message: error.message)
                }
            }
        } catch {
            if let bodyError { throw bodyError }
            throw PostgresCatalogStatements.catalogError(error, location: location)
        }
    }
}
