/// Why a searchable PDF could not be written.
public struct PDFWriterError: Error, CustomStringConvertible, Sendable {
    /// The pipeline stage that reports this error.
    public static let stage = "pdf"

    /// The PDF being written (or the font being read).
    public var file: String
    /// The 1-based page being added, when the failure concerns one page.
    public var page: Int?
    /// What happened and what to do next.
    public var message: String

    /// Creates an error.
    public init(file: String, page: Int? = nil, message: String) {
        self.file = file
        self.page = page
        self.message = message
    }

    /// `file page N, stage pdf: message`.
    public var description: String {
        let pagePart = page.map { " page \($0)" } ?? ""
        return "\(file)\(pagePart), stage \(Self.stage): \(message)"
    }
}
