/// Why a record cannot be written in ISO 2709: which record (its `001`) and what breaks the format's
/// limits. `ItemMARCRecord` keeps each field within 9,999 bytes, but an item's description can
/// still make a record over 99,999 bytes (thousands of subjects or names): `sohoa export` leaves
/// such a record out, names it and ends with exit 1.
public struct MARCWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The record's control number (`001`), or `?`.
    public let record: String
    /// What is wrong, e.g. `field 520 is 10230 bytes (at most 9999)`.
    public let problem: String

    /// An error for the record with control number `record`.
    public init(record: String, problem: String) {
        self.record = record
        self.problem = problem
    }

    public var description: String { "MARC record \(record): \(problem)" }
}
