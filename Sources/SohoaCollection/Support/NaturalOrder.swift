import Foundation

/// Orders file names as people do: `2.tif` before `10.tif`, case-insensitively.
public enum NaturalOrder {
    /// Whether `a` sorts before `b`.
    public static func areInIncreasingOrder(_ a: String, _ b: String) -> Bool {
        let result = a.compare(b, options: [.numeric, .caseInsensitive], range: nil, locale: nil)
        if result == .orderedSame { return a < b }
        return result == .orderedAscending
    }
}
