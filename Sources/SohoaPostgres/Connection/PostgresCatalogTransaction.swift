import PostgresNIO

/// The catalog on PostgreSQL inside one transaction, given to `PostgresCatalogConnection.transaction`:
/// its statements are kept together or not at all. Do not keep it after the closure returns.
public struct PostgresCatalogTransaction {
    let connection: PostgresCatalogConnection

    /// Runs one statement of the transaction and returns its rows.
    @discardableResult
    @available(*, noasync, message: "blocks the calling thread: call it from a thread of your own, not from async code")
    public func query(_ query: PostgresQuery) throws(PostgresCatalogError) -> [PostgresRow] {
        try connection.run(query).rows
    }

    /// Runs one statement of the transaction and returns how many rows it changed.
    @discardableResult
    @available(*, noasync, message: "blocks the calling thread: call it from a thread of your own, not from async code")
    public func execute(_ query: PostgresQuery) throws(PostgresCatalogError) -> Int {
        try connection.run(query).metadata.rows ?? 0
    }
}
