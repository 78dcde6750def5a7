/// What `sohoa holdings import` did: counts per outcome, and each rejected row with where it is and why.
public struct HoldingsImportReport: Codable, Sendable, Equatable {
    /// A row or record left out of the register.
    public struct Rejection: Codable, Sendable, Equatable {
        /// `line 7` (CSV) or `record 3` (MARC), 1-based.
        public var location: String
        /// The holding id, when the row had one.
        public var holdingID: String?
        public var reason: String
    }

    public var file: String
    /// `csv`, `marc` (ISO 2709) or `marcxml`.
    public var format: String
    /// The text encoding read, e.g. `UTF-8`, `UTF-16 (converted)`, `MARC-8 (converted)`.
    public var encoding: String
    public var added = 0
    public var changed = 0
    public var unchanged = 0
    public var rejected: [Rejection] = []
    /// Things worth knowing that did not stop a row (e.g. a MARC leader that mislabels its encoding).
    public var warnings: [String] = []

    public init(file: String, format: String, encoding: String) {
        self.file = file
        self.format = format
        self.encoding = encoding
    }

    /// The report in words, Vietnamese first (English with `SOHOA_LANG=en`).
    public var text: String {
        var lines = [
            Messages.text(
                "Sổ đăng ký \(file) (\(format), \(encoding)): thêm \(added), cập nhật \(changed), không đổi \(unchanged), bị từ chối \(rejected.count)",
                "Register \(file) (\(format), \(encoding)): added \(added), changed \(changed), unchanged \(unchanged), rejected \(rejected.count)"
            )
        ]
        for warning in warnings { lines.append("  ! \(warning)") }
        for rejection in rejected {
            lines.append("  ✗ \(rejection.location)\(rejection.holdingID.map { " [\($0)]" } ?? ""): \(rejection.reason)")
        }
        return lines.joined(separator: "\n")
    }
}
