import Foundation

/// Something that happened to an item, recorded as a PREMIS 3 event in its METS.
public struct PreservationEvent: Sendable, Equatable {
    /// PREMIS event type, e.g. `capture`, `normalization`, `optical character recognition`, `ingestion`.
    public var type: String
    /// When it happened.
    public var date: Date
    /// Who or what did it.
    public var agent: PreservationAgent
    /// `success`, `warning` or `failure`.
    public var outcome: String
    /// Free text, e.g. "deskewed by 1.3°; Tesseract vie".
    public var detail: String?
    /// A stable identifier; when nil one is derived from the event's content.
    public var identifier: String?

    /// Creates an event.
    public init(
        type: String, date: Date, agent: PreservationAgent, outcome: String, detail: String? = nil,
        identifier: String? = nil
    ) {
        self.type = type
        self.date = date
        self.agent = agent
        self.outcome = outcome
        self.detail = detail
        self.identifier = identifier
    }
}
