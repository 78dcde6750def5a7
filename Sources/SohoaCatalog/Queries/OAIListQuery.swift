import Foundation

/// Which items an OAI list holds: the access levels harvesters may see, set and date bounds, and
/// where the page starts. Only items with a version in the archive are ever listed.
public struct OAIListQuery: Sendable, Equatable {
    /// Access levels that may be listed (never `.closed`, whatever is asked).
    public var access: Set<AccessLevel>
    /// Only items of these libraries (nil: any).
    public var libraryCodes: [String]?
    /// Only items of these types (nil: any; an empty list matches nothing).
    public var types: [String]?
    /// Only issues of these serials (nil: any; an empty list matches nothing).
    public var serials: [String]?
    /// Datestamp at or after this moment.
    public var from: Date?
    /// Datestamp strictly before this moment.
    public var before: Date?
    /// Datestamp at or before this moment: the list as it was when the harvest began.
    public var snapshot: Date?
    /// Records strictly after this position (nil: from the start).
    public var after: OAIListPosition?
    /// Also list, as deleted records, items whose access was changed to a level not in `access`
    /// (they may have been harvested before).
    public var deleted: Bool = true

    public init(
        access: Set<AccessLevel>, libraryCodes: [String]? = nil, types: [String]? = nil, from: Date? = nil,
        before: Date? = nil, snapshot: Date? = nil, after: OAIListPosition? = nil
    ) {
        self.access = access
        self.libraryCodes = libraryCodes
        self.types = types
        self.from = from
        self.before = before
        self.snapshot = snapshot
        self.after = after
    }
}

/// The libraries and item types present among the records harvesters may see.
public struct OAISetValues: Sendable, Equatable {
    /// Library codes, sorted.
    public var libraryCodes: [String]
    /// Item types as the metadata gives them, sorted.
    public var types: [String]
    /// Serial ids, with the title their latest titled issue gives (the id when none does).
    public var serials: [String: String] = [:]

    public init(libraryCodes: [String], types: [String]) {
        self.libraryCodes = libraryCodes
        self.types = types
    }
}
