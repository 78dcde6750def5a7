/// The scan container formats sohoa reads.
public enum ScanFormat: String, Sendable, Codable {
    case tiff
    case png
}
