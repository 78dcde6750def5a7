import Foundation
import SohoaCatalog

/// `sohoa progress` as data (its `--json`), and the numbers the yearly report shows.
public struct ProgressReport: Codable, Sendable, Equatable {
    /// The moment the figures are for (ISO 8601).
    public var asOf: Date
    /// The goals file read, or `nil` when the plan's defaults were used.
    public var goalsFile: String?
    /// Holdings in the register, all libraries and types.
    public var holdingsInRegister: Int
    public var goals: [GoalProgress]
    /// The breakdown asked for, if any.
    public var breakdownBy: ProgressBreakdown?
    /// OCR quality over managed items; reviewed pages are 0 until the review queue exists.
    public var ocr: OCRQuality

    /// `sohoa progress --json`: pretty-printed, sorted keys, ISO 8601 dates.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self)
    }
}
