/// An OAI-PMH error condition (OAI-PMH 2.0 §3.6): sent back to the harvester as `<error code="…">`.
public struct OAIError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The protocol's error codes.
    public enum Code: String, Sendable, CaseIterable {
        case badArgument, badResumptionToken, badVerb, cannotDisseminateFormat, idDoesNotExist, noRecordsMatch,
            noMetadataFormats, noSetHierarchy
    }

    public var code: Code
    /// What was wrong, for the harvester's operator.
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// Whether the `<request>` element must carry no attributes (badVerb, badArgument: §3.2).
    public var hidesRequestArguments: Bool { code == .badVerb || code == .badArgument }

    public var description: String { "\(code.rawValue): \(message)" }
}
