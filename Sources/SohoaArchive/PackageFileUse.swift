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
    /// The text layer a PDF master's page already had, UTF-8 NFC: a second opinion beside the OCR
    /// (METS `PDF-TEXT`).
    case pdfText = "pdf-text"
    /// Searchable PDF of the whole item (the archival PDF/A).
    case pdf
    /// The compact reading PDF of the whole item (METS `READING-PDF`).
    case readingPDF = "reading-pdf"

    /// The METS `fileGrp USE` value.
    public var metsGroup: String { rawValue.uppercased() }
}
