/// The scan container formats sohoa reads.
public enum ScanFormat: String, Sendable, Codable {
    case tiff
    case png
    /// JPEG (JFIF or EXIF): lossy; accepted as a master as the pipeline's `lossy-masters` says.
    case jpeg
    /// JPEG 2000 (a JP2 file or a raw codestream): lossless or lossy, as its coding says
    /// (`ScanFileInfo.isLossy`).
    case jpeg2000
    /// PDF (scanned or born-digital): each page a frame, its image extracted or the page rendered.
    case pdf

    /// Whether every file in this format loses detail when it is written (a JPEG 2000 file may or may
    /// not: `ScanFileInfo.isLossy` says for each file).
    public var isLossy: Bool { self == .jpeg }

    /// The format's MIME type.
    public var mimeType: String {
        switch self {
        case .tiff: "image/tiff"
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .jpeg2000: "image/jp2"
        case .pdf: "application/pdf"
        }
    }

    /// The format's name as PREMIS records it.
    public var name: String {
        switch self {
        case .tiff: "TIFF"
        case .png: "PNG"
        case .jpeg: "JPEG"
        case .jpeg2000: "JPEG 2000"
        case .pdf: "PDF"
        }
    }
}
