/// A IIIF request that cannot be answered, with the HTTP status it deserves, a message for the caller
/// and, for server errors, the details for the staff's log (file names stay out of answers).
public struct IIIFError: Error, Equatable, CustomStringConvertible {
    /// What went wrong, in HTTP's terms.
    public enum Kind: Sendable, Hashable {
        /// The request's syntax is wrong, or it asks for something impossible (400).
        case badRequest
        /// No such image, item or library, or the reader may not see it (404).
        case notFound
        /// A valid request for a feature this server does not offer (501).
        case notImplemented
        /// The image exists but cannot be read or encoded (500).
        case serverError
        /// Every render lane is busy and the waiting line is full: try again shortly (503).
        case busy
        /// The client went away (or the server is stopping) before the image was made (503).
        case cancelled
    }

    public var kind: Kind
    /// Says what was wrong and, where it helps, what to ask for instead. Safe to send to anyone.
    public var message: String
    /// What the staff need to find the cause (file names, library errors): logged, never sent.
    public var detail: String?

    public init(_ kind: Kind, _ message: String, detail: String? = nil) {
        self.kind = kind
        self.message = message
        self.detail = detail
    }

    /// The HTTP status code for `kind`.
    public var statusCode: Int {
        switch kind {
        case .badRequest: 400
        case .notFound: 404
        case .notImplemented: 501
        case .serverError: 500
        case .busy, .cancelled: 503
        }
    }

    public var description: String { "\(statusCode): \(message)\(detail.map { " (\($0))" } ?? "")" }
}
