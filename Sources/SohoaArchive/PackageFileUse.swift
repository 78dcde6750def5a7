/// The role of a file in an item package; each role is one METS `fileGrp`.
public enum PackageFileUse: String, Sendable, Codable, CaseIterable {
    /// Original scan, byte-identical.
    case master
    /// Access derivative (PNG/JPEG).
    case access
    /// ALTO 4 OCR result.
    case alto
    /// hOCR OCR result.
    case hocr
    /// Plain UTF-8 text.
    case text
    /// Searchable PDF of the whole item.
    case pdf

    /// The METS `fileGrp USE` value.
    public var metsGroup: String { rawValue.uppercased() }
}
