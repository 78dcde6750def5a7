/// The scan container formats sohoa reads.
public enum ScanFormat: String, Sendable, Codable {
    case tiff
    case png
    /// JPEG (JFIF or EXIF): lossy; accepted as a master as the pipeline's `lossy-masters` says.
    case jpeg

    /// Whether the format loses detail when it is written (a master in it is not a lossless copy).
    public var isLossy: Bool { self == .jpeg }

    /// The format's MIME type.
    public var mimeType: String {
        switch self {
        case .tiff: "image/tiff"
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        }
    }

    /// The format's name as PREMIS records it.
    public var name: String {
        switch self {
        case .tiff: "TIFF"
        case .png: "PNG"
        case .jpeg: "JPEG"
        }
    }
}
