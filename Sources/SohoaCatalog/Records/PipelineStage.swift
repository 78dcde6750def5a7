/// A stage of the pipeline, in pipeline order (DESIGN §2, contract: names and order).
public enum PipelineStage: String, Sendable, Codable, CodingKeyRepresentable, CaseIterable, Comparable {
    /// Read the file, hash it, identify it (quarantine if unreadable).
    case ingest
    /// Orientation, deskew, crop, binarize, … (originals are never changed).
    case normalize
    /// Text recognition.
    case ocr
    /// Dublin Core, technical metadata, PREMIS events.
    case metadata
    /// The OCFL object version.
    case package

    /// The stage's 0-based position in the pipeline.
    public var position: Int {
        switch self {
        case .ingest: 0
        case .normalize: 1
        case .ocr: 2
        case .metadata: 3
        case .package: 4
        }
    }

    /// Orders stages as the pipeline runs them.
    public static func < (lhs: PipelineStage, rhs: PipelineStage) -> Bool {
        lhs.position < rhs.position
    }
}
