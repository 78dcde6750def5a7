import GRDB

/// Narrows the review queue to one library, item or batch; `nil` fields do not narrow.
public struct ReviewQueueFilter: Sendable, Equatable, Hashable {
    /// `items.libraryCode`.
    public var library: String?
    /// `items.id`.
    public var itemID: String?
    /// `items.batchID`: the batch that last ingested the item.
    public var batchID: Int64?

    /// A filter; the default lets every page through.
    public init(library: String? = nil, itemID: String? = nil, batchID: Int64? = nil) {
        self.library = library
        self.itemID = itemID
        self.batchID = batchID
    }

    /// The SQL condition (on `pages` joined with `items`) and its arguments.
    var sql: (condition: String, arguments: StatementArguments) {
        var parts: [String] = []
        var arguments = StatementArguments()
        if let library {
            parts.append("items.libraryCode = ?")
            arguments += [library]
        }
        if let itemID {
            parts.append("items.id = ?")
            arguments += [itemID]
        }
        if let batchID {
            parts.append("items.batchID = ?")
            arguments += [batchID]
        }
        return (parts.isEmpty ? "1" : parts.joined(separator: " AND "), arguments)
    }
}
