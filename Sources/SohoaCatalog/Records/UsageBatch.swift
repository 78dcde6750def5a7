import Foundation

/// Daily sums gathered in memory by the server's usage counter since its last flush, written to the
/// catalog in one transaction (`Catalog.recordUsage`), where they are added to what is there.
public struct UsageBatch: Sendable, Equatable {
    /// A day (`yyyy-MM-dd`, UTC) and a library (`UsageBatch.wholeCollection` for the whole collection).
    public struct LibraryDay: Hashable, Sendable {
        public var day: String
        public var libraryCode: String

        public init(day: String, libraryCode: String) {
            self.day = day
            self.libraryCode = libraryCode
        }
    }

    /// A day and an item.
    public struct ItemDay: Hashable, Sendable {
        public var day: String
        public var itemID: String

        public init(day: String, itemID: String) {
            self.day = day
            self.itemID = itemID
        }
    }

    /// The library code under which the whole collection's figures are kept.
    public static let wholeCollection = ""

    /// Figures per day and library, and for the whole collection.
    public var libraries: [LibraryDay: UsageFigures]
    /// Figures per day and item (visits and searches stay zero), with the item's library.
    public var items: [ItemDay: (libraryCode: String, figures: UsageFigures)]

    /// A batch holding `libraries` and `items` (empty by default).
    public init(
        libraries: [LibraryDay: UsageFigures] = [:], items: [ItemDay: (libraryCode: String, figures: UsageFigures)] = [:]
    ) {
        self.libraries = libraries
        self.items = items
    }

    /// Whether there is nothing to write.
    public var isEmpty: Bool { libraries.isEmpty && items.isEmpty }

    public static func == (a: UsageBatch, b: UsageBatch) -> Bool {
        a.libraries == b.libraries && a.items.count == b.items.count
            && a.items.allSatisfy { key, value in
                b.items[key].map { $0.libraryCode == value.libraryCode && $0.figures == value.figures } ?? false
            }
    }
}

extension UsageBatch {
    /// Adds `other`'s sums to this batch's.
    public mutating func add(_ other: UsageBatch) {
        for (key, figures) in other.libraries { libraries[key, default: .zero] += figures }
        for (key, value) in other.items {
            let before = items[key]?.figures ?? .zero
            items[key] = (value.libraryCode, before + value.figures)
        }
    }
}
