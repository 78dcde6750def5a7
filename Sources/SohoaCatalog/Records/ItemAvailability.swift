import Foundation

/// An item with what decides whether `sohoa serve` may show it: access level, withdrawal, state.
public struct ItemAvailability: Sendable, Equatable {
    public var item: ItemRecord
    /// Who may see it (`items.access`).
    public var access: AccessLevel
    /// When it was withdrawn, if it was; a withdrawn item is served to nobody.
    public var withdrawnAt: Date?
    /// The linked holding's collection type, else the item's `type`.
    public var collectionType: String?

    /// Makes an availability record.
    public init(item: ItemRecord, access: AccessLevel, withdrawnAt: Date?, collectionType: String?) {
        self.item = item
        self.access = access
        self.withdrawnAt = withdrawnAt
        self.collectionType = collectionType
    }

    /// Whether the item may be served at all: packaged, not withdrawn, not closed. Restricted items
    /// still need a signed-in reader.
    public var isServable: Bool {
        item.state == .packaged && withdrawnAt == nil && access != .closed
    }
}
