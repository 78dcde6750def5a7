import Foundation

/// Numbers and dates as the dashboard shows them: Vietnamese style (`15.000`, `29,2`) or English
/// (`15,000`, `29.2`).
enum DashboardNumbers {
    static func text(_ value: Int, _ language: UILanguage) -> String {
        let digits = String(value.magnitude)
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (value < 0 ? "-" : "") + groups.joined(separator: language == .vi ? "." : ",")
    }

    /// Up to two decimals, without trailing zeros.
    static func text(_ value: Double, _ language: UILanguage) -> String {
        guard value.isFinite else { return "—" }
        let rounded = (value * 100).rounded() / 100
        let whole = Int(rounded.rounded(.towardZero))
        var fraction = String(format: "%.2f", abs(rounded - Double(whole))).dropFirst(2)
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let sign = rounded < 0 && whole == 0 ? "-" : ""
        return sign + text(whole, language) + (fraction.isEmpty ? "" : (language == .vi ? "," : ".") + fraction)
    }

    /// `2026-11-26 14:05` (UTC).
    static func dateTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
