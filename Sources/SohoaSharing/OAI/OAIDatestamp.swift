import Foundation

/// OAI-PMH UTC datestamps: written as `YYYY-MM-DDThh:mm:ssZ`; `from`/`until` read at either
/// granularity, day (`YYYY-MM-DD`) or seconds.
public struct OAIDatestamp: Sendable, Equatable {
    /// How finely a datestamp argument was given.
    public enum Granularity: String, Sendable {
        case day = "YYYY-MM-DD"
        case seconds = "YYYY-MM-DDThh:mm:ssZ"
    }

    /// The first moment the argument names (midnight UTC for a day).
    public var date: Date
    public var granularity: Granularity

    /// The first moment after everything the argument names: the next day, or the next second.
    public var end: Date {
        date.addingTimeInterval(granularity == .day ? 86_400 : 1)
    }

    /// Reads a `from`/`until` argument; nil when it is not a valid date at either granularity.
    public init?(argument: String) {
        let day = /([0-9]{4})-([0-9]{2})-([0-9]{2})/
        let seconds = /([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})Z/
        var parts: [Int]
        if let match = argument.wholeMatch(of: seconds) {
            parts = [match.1, match.2, match.3, match.4, match.5, match.6].compactMap { Int($0) }
            granularity = .seconds
        } else if let match = argument.wholeMatch(of: day) {
            parts = [match.1, match.2, match.3].compactMap { Int($0) } + [0, 0, 0]
            granularity = .day
        } else {
            return nil
        }
        guard parts.count == 6, (1...12).contains(parts[1]), (1...31).contains(parts[2]), parts[3] < 24, parts[4] < 60,
            parts[5] < 60
        else { return nil }
        let components = DateComponents(
            calendar: Self.calendar, timeZone: Self.utc, year: parts[0], month: parts[1], day: parts[2], hour: parts[3],
            minute: parts[4], second: parts[5])
        guard let date = Self.calendar.date(from: components),
            Self.calendar.dateComponents(in: Self.utc, from: date).day == parts[2]
        else { return nil }
        self.date = date
    }

    /// `YYYY-MM-DDThh:mm:ssZ` in UTC, the fraction of a second dropped.
    public static func string(_ date: Date) -> String {
        let whole = Date(timeIntervalSince1970: (date.timeIntervalSince1970).rounded(.down))
        let c = calendar.dateComponents(in: utc, from: whole)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0,
            c.second ?? 0)
    }

    private static let utc = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .current
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        return calendar
    }()
}
