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

    /// The SQL condition on an item id `column` (e.g. `pages.itemID`): the item is in scope.
    func itemSQL(column: String) -> (condition: String, arguments: StatementArguments) {
        guard let libraryCode else { return ("1", StatementArguments()) }
        return ("\(column) IN (SELECT id FROM items WHERE libraryCode = ?)", [libraryCode])
    }

    /// The SQL condition on a library code `column` (e.g. `items.libraryCode`) and its arguments.
    func sql(column: String) -> (condition: String, arguments: StatementArguments) {
        guard let libraryCode else { return ("1", StatementArguments()) }
        return ("\(column) = ?", [libraryCode])
    }

    /// `itemSQL(column:)` for `CatalogStatements`, on both backends.
    func itemCondition(column: String) -> (condition: String, arguments: [CatalogValue]) {
        guard let libraryCode else { return ("1 = 1", []) }
        return ("\(column) IN (SELECT id FROM items WHERE libraryCode = ?)", [.text(libraryCode)])
    }

    /// `sql(column:)` for `CatalogStatements`, on both backends.
    func libraryCondition(column: String) -> (condition: String, arguments: [CatalogValue]) {
        guard let libraryCode else { return ("1 = 1", []) }
        return ("\(column) = ?", [.text(libraryCode)])
    }
}
