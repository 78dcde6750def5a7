/// What went wrong talking to a `sohoa serve`: a refusal (with the server's words) or no answer.
public struct SubmissionClientError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The server answered with this HTTP status.
        case refused(status: Int)
        /// The connection failed or dropped; trying again may work.
        case unreachable
        /// The server's answer could not be understood.
        case badAnswer
    }

    public var kind: Kind
    public var message: String
    /// Every problem the server named.
    public var problems: [String]

    public init(_ kind: Kind, _ message: String, problems: [String] = []) {
        self.kind = kind
        self.message = message
        self.problems = problems
    }

    /// Whether trying the same request again later may work (no answer, or the server busy or failing).
    public var isTransient: Bool {
        switch kind {
        case .unreachable: true
        case .refused(let status): status == 502 || status == 503 || status == 504 || status == 500 || status == 408
        case .badAnswer: false
        }
    }

    public var description: String {
        problems.isEmpty ? message : message + "\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
