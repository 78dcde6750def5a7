import Foundation

/// Narrows the review queue to one library, item or batch, within the reviewer's scope; `nil` fields
/// do not narrow.
public struct ReviewQueueFilter: Sendable, Equatable, Hashable {
    /// `items.libraryCode`.
    public var library: String?
    /// `items.id`.
    public var itemID: String?
    /// `items.batchID`: the batch that last ingested the item.
    public var batchID: Int64?
    /// The libraries the reviewer works on (not a choice of theirs: set from who is signed in).
    public var scope: AccessScope

    /// A filter; the default lets every page through.
    public init(library: String? = nil, itemID: String? = nil, batchID: Int64? = nil, scope: AccessScope = .everything) {
        self.library = library
        self.itemID = itemID
        self.batchID = batchID
        self.scope = scope
    }

    /// The SQL condition (on `pages` joined with `items`) and its arguments, the same on both backends.
    var condition: (sql: String, arguments: [CatalogValue]) {
        var parts: [String] = []
        var arguments: [CatalogValue] = []
        if !scope.isEverything {
            let (condition, scopeArguments) = scope.libraryCondition(column: "items.libraryCode")
            parts.append(condition)
            arguments += scopeArguments
        }
        if let library {
            parts.append("items.libraryCode = ?")
            arguments.append(.text(library))
        }
        if let itemID {
            parts.append("items.id = ?")
            arguments.append(.text(itemID))
        }
        if let batchID {
            parts.append("items.batchID = ?")
            arguments.append(.integer(batchID))
        }
        return (parts.isEmpty ? "1 = 1" : parts.joined(separator: " AND "), arguments)
    }
}
