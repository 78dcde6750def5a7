import Foundation

/// The plan's reader targets (Kế hoạch 4084/KH-UBND, II.2.2), a year each: visits to the digital
/// collection, and visits across the libraries. Read from `usage-targets:` in `goals.yaml`.
public struct UsageTargets: Codable, Sendable, Equatable {
    /// The goals file's key.
    public static let key = "usage-targets"

    /// Visits a year to the digital collection (every library's items; a visit counted once).
    public var collectionVisits: Int
    /// Visits a year across the libraries (each library counts the visits that saw its items).
    public var libraryVisits: Int

    public init(collectionVisits: Int, libraryVisits: Int) {
        self.collectionVisits = collectionVisits
        self.libraryVisits = libraryVisits
    }

    /// The plan's figures: 10,000 and 35,000 a year.
    public static let plan = UsageTargets(collectionVisits: 10_000, libraryVisits: 35_000)

    /// The targets under a goals file's `usage-targets:` key (`value`); the plan's for a key that is
    /// not there (`nil`) and for a figure the file leaves out.
    static func read(_ value: Any?, file: String) throws(GoalsFileError) -> UsageTargets {
        guard let value else { return .plan }
        guard let map = value as? [String: Any] else {
            throw GoalsFileError(file: file, message: "\(key) must be a mapping with digital-collection-visits and library-visits")
        }
        var targets = UsageTargets.plan
        for (name, entry) in map.sorted(by: { $0.key < $1.key }) {
            let figure: WritableKeyPath<UsageTargets, Int>
            switch name {
            case "digital-collection-visits": figure = \.collectionVisits
            case "library-visits": figure = \.libraryVisits
            default:
                throw GoalsFileError(
                    file: file, message: "\(key): unknown key '\(name)'; allowed: digital-collection-visits, library-visits")
            }
            guard let number = Int("\(entry)"), number > 0 else {
                throw GoalsFileError(file: file, message: "\(key).\(name) must be a whole number above 0, not '\(entry)'")
            }
            targets[keyPath: figure] = number
        }
        return targets
    }
}
