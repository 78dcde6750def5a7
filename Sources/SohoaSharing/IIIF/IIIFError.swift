/// A IIIF request that cannot be answered, with the HTTP status it deserves and a message for the caller.
public struct IIIFError: Error, Equatable, CustomStringConvertible {
    /// What went wrong, in HTTP's terms.
    public enum Kind: Sendable, Equatable {
        /// The request's syntax is wrong, or it asks for something impossible (400).
        case badRequest
        /// No such image, item or library, or the reader may not see it (404).
        case notFound
        /// A valid request for a feature this server does not offer (501).
        case notImplemented
        /// The image exists but cannot be read or encoded (500).
        case serverError
    }

    public var kind: Kind
    /// Says what was wrong and, where it helps, what to ask for instead.
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The HTTP status code for `kind`.
    public var statusCode: Int {
        switch kind {
        case .badRequest: 400
        case .notFound: 404
        case .notImplemented: 501
        case .serverError: 500
        }
    }

    public var description: String { "\(statusCode): \(message)" }
}
