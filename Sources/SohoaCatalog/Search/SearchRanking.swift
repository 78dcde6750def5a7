import GRDB
import GRDBSQLite

/// `sohoa_rank(page_search, scan)`: an FTS5 function that scores a match as bm25 does, for the
/// pages of a `SearchScan`'s scope only (others get `NULL` before any work), with the terms weighed
/// by counts the search already has. FTS5's own `bm25()` counts every term's matches over the whole
/// index at the start of each statement, which cost more than the search itself.
enum SearchRanking {
    /// The function's SQL name.
    static let functionName = "sohoa_rank"
    /// The pointer type of the scan argument (`sqlite3_bind_pointer`).
    static let scanPointerType: StaticString = "sohoa_search_scan"
    private static let apiPointerType: StaticString = "fts5_api_ptr"

    /// Makes `sohoa_rank` known on `db`'s connection.
    static func register(_ db: Database) throws {
        guard let connection = db.sqliteConnection else { return }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(connection, "SELECT fts5(?1)", -1, &statement, nil) == SQLITE_OK else {
            throw DatabaseError(message: "FTS5 is missing from this SQLite: sohoa needs SQLite with FTS5")
        }
        defer { sqlite3_finalize(statement) }
        var api: UnsafeMutablePointer<fts5_api>?
        withUnsafeMutablePointer(to: &api) { pointer in
            _ = sqlite3_bind_pointer(statement, 1, pointer, cString(apiPointerType), nil)
            _ = sqlite3_step(statement)
        }
        guard let api, let create = api.pointee.xCreateFunction,
            create(
                api, functionName, nil,
                { api, fts, context, count, values in
                    SearchRanking.rank(api, fts, context, count, values)
                }, nil) == SQLITE_OK
        else {
            throw DatabaseError(message: "could not add the search ranking function to SQLite's FTS5")
        }
    }

    /// A static string as the C string SQLite keeps a pointer to.
    static func cString(_ string: StaticString) -> UnsafePointer<CChar> {
        UnsafeRawPointer(string.utf8Start).assumingMemoryBound(to: CChar.self)
    }

    private static func rank(
        _ api: UnsafePointer<Fts5ExtensionApi>?, _ fts: OpaquePointer?, _ context: OpaquePointer?, _ count: Int32,
        _ values: UnsafeMutablePointer<OpaquePointer?>?
    ) {
        guard let context else { return }
        guard let api, let fts, count == 1, let values,
            let pointer = sqlite3_value_pointer(values[0], cString(scanPointerType))
        else {
            sqlite3_result_error(context, "sohoa_rank(page_search, scan) needs a search scan", -1)
            return
        }
        let scan = Unmanaged<SearchScan>.fromOpaque(pointer).takeUnretainedValue()
        if let score = scan.score(api, fts) {
            sqlite3_result_double(context, score)
        } else {
            sqlite3_result_null(context)
        }
    }
}
