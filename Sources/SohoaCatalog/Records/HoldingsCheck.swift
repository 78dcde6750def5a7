/// Links between items and the holdings register that need a person's attention (`sohoa holdings check`).
public struct HoldingsCheck: Codable, Sendable, Equatable {
    /// An item and the holding id its metadata names.
    public struct ItemLink: Codable, Sendable, Equatable {
        public var itemID: String
        public var holdingID: String
    }

    /// A holding that several items name (a duplicate, or volumes that deserve their own holdings).
    public struct SharedHolding: Codable, Sendable, Equatable {
        public var holdingID: String
        public var itemIDs: [String]
    }

    public var holdingCount: Int
    public var itemCount: Int
    /// Items whose `holding-id` is not in the register (a typo, or a register not yet imported).
    public var itemsWithUnknownHolding: [ItemLink]
    /// Items with no `holding-id` at all; they count as digital documents, not toward the holdings goal.
    public var itemsWithoutHolding: [String]
    public var holdingsWithSeveralItems: [SharedHolding]

    /// Whether nothing needs correcting.
    public var isClean: Bool {
        itemsWithUnknownHolding.isEmpty && itemsWithoutHolding.isEmpty && holdingsWithSeveralItems.isEmpty
    }
}
