/// Why OCR of a page failed, and what to do about it.
public struct OCRError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong.
    public enum Kind: String, Sendable, Codable {
        /// No trained model for the requested language is installed.
        case languageUnavailable
        /// The language string is malformed (empty, `none`, odd characters).
        case invalidLanguage
        /// Tesseract could not be created or initialised.
        case engineInitializationFailed
        /// The image cannot be recognized (empty, too large, bad resolution).
        case invalidImage
        /// Tesseract failed while recognizing the page.
        case recognitionFailed
    }

    /// The pipeline stage that reports this error.
    public static let stage = "ocr"

    /// What went wrong.
    public var kind: Kind
    /// The language that was requested.
    public var language: String
    /// The page being recognized, when the caller knows it (see `onPage(_:)`).
    public var page: String?
    /// What happened and what to do next.
    public var message: String

    /// Creates an error.
    public init(kind: Kind, language: String, page: String? = nil, message: String) {
        self.kind = kind
        self.language = language
        self.page = page
        self.message = message
    }

    /// The same error, naming the page it happened on.
    public func onPage(_ page: String) -> OCRError {
        var copy = self
        copy.page = page
        return copy
    }

    /// `page …, stage ocr, language '…': message`.
    public var description: String {
        let where_ = page.map { "page \($0), " } ?? ""
        return "\(where_)stage \(Self.stage), language '\(language)': \(message)"
    }
}
