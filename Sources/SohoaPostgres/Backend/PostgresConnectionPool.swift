import Foundation

/// A few connections to one catalog database, lent one transaction at a time, so that several
/// threads (the web server's requests) run their transactions at once instead of queueing on one
/// connection. Connections are opened when needed, up to `maximum`; when all are lent, a borrower
/// waits for one to come back (back-pressure: the database never sees more than `maximum`). A
/// connection that stopped answering (the server ended it, the network dropped it) is closed and
/// forgotten when it comes back or is found so idle; the next borrower opens a new one.
final class PostgresConnectionPool: @unchecked Sendable {
    /// The database the connections go to.
    let address: PostgresCatalogAddress
    /// The most connections open at once.
    let maximum: Int
    /// Run on each new connection before it is lent (the session's settings).
    private let prepare: @Sendable (PostgresCatalogConnection) throws(PostgresCatalogError) -> Void
    /// Guards `idle` and `opened`; borrowers wait on it.
    private let condition = NSCondition()
    /// Connections open and not lent.
    private var idle: [PostgresCatalogConnection]
    /// Connections open or being opened, lent or not.
    private var opened: Int

    /// A pool starting with `first` (already prepared), opening more to `address` up to `maximum`.
    init(
        first: PostgresCatalogConnection, address: PostgresCatalogAddress, maximum: Int,
        prepare: @escaping @Sendable (PostgresCatalogConnection) throws(PostgresCatalogError) -> Void
    ) {
        self.address = address
        self.maximum = max(1, maximum)
        self.prepare = prepare
        idle = [first]
        opened = 1
    }

    /// How many connections are open (lent or idle).
    var openCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return opened
    }

    /// An idle connection, a new one when none is idle and fewer than `maximum` are open, or the first
    /// to come back otherwise. Idle connections found closed are dropped.
    ///
    /// - Throws: `PostgresCatalogError` when a new connection cannot be opened.
    @available(*, noasync, message: "blocks the calling thread: call it from a thread of your own, not from async code")
    func borrow() throws(PostgresCatalogError) -> PostgresCatalogConnection {
        var dropped: [PostgresCatalogConnection] = []
        defer { for connection in dropped { connection.close() } }
        condition.lock()
        while true {
            while let connection = idle.popLast() {
                if !connection.isClosed {
                    condition.unlock()
                    return connection
                }
                dropped.append(connection)
                opened -= 1
            }
            if opened < maximum { break }
            condition.wait()
        }
        opened += 1
        condition.unlock()
        do throws(PostgresCatalogError) {
            let connection = try PostgresCatalogConnection(address)
            do throws(PostgresCatalogError) {
                try prepare(connection)
            } catch {
                connection.close()
                throw error
            }
            return connection
        } catch {
            condition.lock()
            opened -= 1
            condition.signal()
            condition.unlock()
            throw error
        }
    }

    /// Takes `connection` back; a `broken` one (or one found closed) is closed and forgotten, making
    /// room for a new one.
    @available(*, noasync, message: "blocks the calling thread: call it from a thread of your own, not from async code")
    func giveBack(_ connection: PostgresCatalogConnection, broken: Bool = false) {
        let drop = broken || connection.isClosed
        condition.lock()
        if drop { opened -= 1 } else { idle.append(connection) }
        condition.signal()
        condition.unlock()
        if drop { connection.close() }
    }

    /// Closes the idle connections (those lent are closed when they come back and the pool is gone).
    @available(*, noasync, message: "blocks the calling thread: call it from a thread of your own, not from async code")
    func closeIdle() {
        condition.lock()
        let connections = idle
        idle = []
        opened -= connections.count
        condition.unlock()
        for connection in connections { connection.close() }
    }
}
