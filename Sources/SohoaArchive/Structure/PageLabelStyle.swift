import Foundation

/// How a page-label rule numbers its pages.
public enum PageLabelStyle: String, Sendable, Codable, CaseIterable {
    /// 1, 2, 3…
    case arabic
    /// i, ii, iii…
    case roman
    /// I, II, III…
    case romanUpper = "ROMAN"
    /// Leaves with two sides: 12a, 12b, 13a…
    case leaves
    /// The same printed text on every page of the rule ("Bìa", "Trang trắng").
    case fixed

    /// The style as written in `item.yaml` (`arabic`, `roman`, `ROMAN`, `leaves`, or Vietnamese).
    public init?(written: String) {
        switch written.trimmingCharacters(in: .whitespaces) {
        case "arabic", "số", "so": self = .arabic
        case "roman", "la mã", "la-ma": self = .roman
        case "ROMAN", "LA MÃ", "roman-upper": self = .romanUpper
        case "leaves", "tờ", "to": self = .leaves
        default: return nil
        }
    }
}
