/// The resolution a page is treated as having, and whether it was read from the file or estimated.
public struct ResolvedDPI: Sendable, Codable, Equatable {
    /// Dots per inch.
    public var dpi: Int
    /// True when the file's resolution was missing or implausible and `dpi` is an estimate.
    public var estimated: Bool
    /// Why the value was estimated; `nil` when it came from the file.
    public var note: String?

    /// A resolution, with a note when estimated.
    public init(dpi: Int, estimated: Bool, note: String? = nil) {
        self.dpi = dpi
        self.estimated = estimated
        self.note = note
    }
}
