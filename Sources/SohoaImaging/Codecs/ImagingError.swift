/// A scan that could not be read, decoded or written, with the file, the page and a plain-words reason.
public struct ImagingError: Error, Sendable, CustomStringConvertible, Equatable {
    /// What went wrong, broadly; `reason` says it in words.
    public enum Kind: String, Sendable, Codable {
        /// The file could not be opened or read (missing, permissions, I/O error).
        case unreadable
        /// The file is empty (zero bytes).
        case emptyFile
        /// The file is in a format sohoa does not read (GIF, WebP, ...), or a PDF protected by a password.
        case unsupportedFormat
        /// The file claims to be TIFF, PNG, JPEG, JPEG 2000 or PDF but its data is damaged or truncated.
        case corrupt
        /// The requested page does not exist in the file.
        case pageOutOfRange
        /// The image is too large to decode safely.
        case tooLarge
        /// An image could not be encoded or written.
        case writeFailed
    }

    /// The file's path (or a name for in-memory data).
    public var file: String
    /// The 0-based page, when the problem is with one page of a file.
    public var page: Int?
    /// The broad category, for code that handles some problems differently (quarantine vs. retry).
    public var kind: Kind
    /// What the problem is and what to do about it.
    public var reason: String

    /// An error about `file` (and `page`, 0-based, when one page is at fault).
    public init(file: String, page: Int? = nil, kind: Kind, reason: String) {
        self.file = file
        self.page = page
        self.kind = kind
        self.reason = reason
    }

    /// "<file>, page N: <reason>" (pages counted from 1 for people), or "<file>: <reason>".
    public var description: String {
        if let page {
            return "\(file), page \(page + 1): \(reason)"
        }
        return "\(file): \(reason)"
    }
}
