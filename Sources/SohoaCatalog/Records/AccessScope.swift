import GRDB

/// Which libraries' items a signed-in user works on: review, corrections, metadata and structure,
/// restricted items, progress. Scanners and archivists work on their own library's items; admins and
/// the provincial library's managers on every library's; a district manager on their own library's.
/// A user without a library (accounts made before libraries existed) keeps every library.
public struct AccessScope: Sendable, Hashable {
    /// The one library in scope, or `nil` for every library.
    public var libraryCode: String?

    /// Every library's items.
    public static let everything = AccessScope(libraryCode: nil)

    /// One library's items.
    public static func library(_ code: String) -> AccessScope {
        AccessScope(libraryCode: code)
    }

    private init(libraryCode: String?) {
        self.libraryCode = libraryCode
    }

    /// The scope of a user with `role` who belongs to `libraryCode` (`nil`: no library, so every
    /// library), `provincial` telling whether that library is the provincial one.
    public init(role: UserRole, libraryCode: String?, provincial: Bool) {
        guard let libraryCode, role != .admin, !(role == .manager && provincial) else {
            self.libraryCode = nil
            return
        }
        self.libraryCode = libraryCode
    }

    /// Whether every library's items are in scope.
    public var isEverything: Bool { libraryCode == nil }

    /// Whether an item (or holding) of this library is in scope.
    public func includes(_ libraryCode: String) -> Bool {
        self.libraryCode.map { $0 == libraryCode } ?? true
    }

    /// The SQL condition on an item id `column` (e.g. `pages.itemID`), for GRDB: `itemCondition(column:)`.
    func itemSQL(column: String) -> (condition: String, arguments: StatementArguments) {
        let (condition, arguments) = itemCondition(column: column)
        return (condition, SQLiteCatalogStatements.arguments(arguments))
    }

    /// The SQL condition on a library code `column` (e.g. `items.libraryCode`), for GRDB:
    /// `libraryCondition(column:)`.
    func sql(column: String) -> (condition: String, arguments: StatementArguments) {
        let (condition, arguments) = libraryCondition(column: column)
        return (condition, SQLiteCatalogStatements.arguments(arguments))
    }

    /// The SQL condition on an item id `column` (e.g. `pages.itemID`): the item is in scope. The same
    /// SQL on both backends (`1 = 1`, not SQLite's bare `1`, for every library).
    func itemCondition(column: String) -> (condition: String, arguments: [CatalogValue]) {
        let (condition, arguments) = libraryCondition(column: "libraryCode")
        guard !isEverything else { return (condition, arguments) }
        return ("\(column) IN (SELECT id FROM items WHERE \(condition))", arguments)
    }

    /// The SQL condition on a library code `column` (e.g. `items.libraryCode`): the library is in
    /// scope. The same SQL on both backends.
    func libraryCondition(column: String) -> (condition: String, arguments: [CatalogValue]) {
        guard let libraryCode else { return ("1 = 1", []) }
        return ("\(column) = ?", [.text(libraryCode)])
    }
}
