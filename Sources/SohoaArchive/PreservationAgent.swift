/// Who or what carried out a preservation event (a PREMIS agent).
public struct PreservationAgent: Sendable, Equatable, Hashable {
    /// PREMIS agent types (PREMIS agentType vocabulary).
    public enum Kind: String, Sendable {
        /// A program, e.g. `sohoa 0.1` or `Tesseract 5.3.0`.
        case software
        /// A person, e.g. an archivist correcting OCR.
        case person
        /// An institution.
        case organization
    }

    /// Name, e.g. `sohoa 0.1`.
    public var name: String
    /// Kind of agent.
    public var kind: Kind

    /// Creates an agent (software by default).
    public init(name: String, kind: Kind = .software) {
        self.name = name
        self.kind = kind
    }
}
