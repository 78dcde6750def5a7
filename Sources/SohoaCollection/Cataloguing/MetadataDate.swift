import Foundation

/// The dates an item's description may carry: W3CDTF (`1925`, `1925-05`, `1925-05-02`), a range of
/// years (`1925-1930`), and the bracketed forms of library cataloguing for an uncertain date
/// (`[1925]`, `[1925?]`, `[192-]`, `[18--]`). Years run from 1000 to next year.
public enum MetadataDate {
    /// Whether `text` is a date in one of these forms, with a real month and day.
    public static func isValid(_ text: String) -> Bool {
        if let m = text.wholeMatch(of: /([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?/) {
            guard let year = Int(m.output.1), plausible(year) else { return false }
            guard let monthText = m.output.2 else { return true }
            guard let month = Int(monthText), (1...12).contains(month) else { return false }
            guard let dayText = m.output.3 else { return true }
            guard let day = Int(dayText), day >= 1 else { return false }
            return day <= days(inMonth: month, year: year)
        }
        if let m = text.wholeMatch(of: /([0-9]{4}) ?[-–\/] ?([0-9]{4})/) {
            guard let first = Int(m.output.1), let last = Int(m.output.2) else { return false }
            return plausible(first) && plausible(last) && first <= last
        }
        if let m = text.wholeMatch(of: /\[([0-9]{4})\??\]/) { return Int(m.output.1).map(plausible) ?? false }
        if let m = text.wholeMatch(of: /\[([0-9]{3})-\]/) { return Int(m.output.1).map { plausible($0 * 10) } ?? false }
        if let m = text.wholeMatch(of: /\[([0-9]{2})--\]/) { return Int(m.output.1).map { plausible($0 * 100) } ?? false }
        return false
    }

    /// A plain message for a date that is not valid, with the forms allowed.
    public static func refusal(_ text: String) -> String {
        "'\(text)' is not a date sohoa can use: write 1925, 1925-05-02, 1925-1930, [1925?], [192-] or [18--]"
    }

    private static func plausible(_ year: Int) -> Bool {
        let next = Calendar(identifier: .gregorian).component(.year, from: Date()) + 1
        return (1000...next).contains(year)
    }

    private static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
