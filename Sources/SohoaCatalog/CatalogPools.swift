import GRDB
import Synchronization

/// The open database pools of this process, by file path: one `DatabasePool` per file per process,
/// however many `Catalog` values are made for it.
enum CatalogPools {
    /// A pool that goes away when the last `Catalog` using it does.
    private struct WeakPool {
        weak var pool: DatabasePool?
    }

    private static let open = Mutex<[String: WeakPool]>([:])

    /// The pool already open for `path`, or a new one made by `make`.
    static func pool(path: String, make: () throws -> DatabasePool) throws -> DatabasePool {
        try open.withLock { pools in
            if let pool = pools[path]?.pool {
                return pool
            }
            let pool = try make()
            pools = pools.filter { $0.value.pool != nil }
            pools[path] = WeakPool(pool: pool)
            return pool
        }
    }
}
