/// Which holdings or items a goal counts.
public struct ProgressScope: Codable, Sendable, Equatable {
    /// Library codes counted; empty means every library.
    public var libraryCodes: [String]
    /// Count only holdings flagged of special value.
    public var specialValueOnly: Bool
    /// Collection types counted; empty means every type.
    public var collectionTypes: [HoldingRecord.CollectionType]

    /// A scope; the defaults count everything.
    public init(libraryCodes: [String] = [], specialValueOnly: Bool = false, collectionTypes: [HoldingRecord.CollectionType] = []) {
        self.libraryCodes = libraryCodes
        self.specialValueOnly = specialValueOnly
        self.collectionTypes = collectionTypes
    }
}

/// How `sohoa progress --by` breaks a figure down.
public enum ProgressBreakdown: String, Codable, Sendable, CaseIterable {
    /// By the code of the holding (or item) library.
    case library
    /// By the holding's collection type.
    case type
    /// By the year the unit was first archived.
    case year
}
