/// What `sohoa export` writes.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// `<out>/<item-id>/<page>.txt`, UTF-8 NFC.
    case text
    /// `<out>/<item-id>/<page>.xml`, ALTO 4.
    case alto
    /// `<out>/<item-id>.pdf`, the searchable PDF (the archival PDF/A).
    case pdf
    /// `<out>/<item-id>.pdf`, the compact reading PDF (items packaged with the `pdf-reading` output).
    case pdfReading = "pdf-reading"
    /// `<out>/<item-id>/`, a BagIt 1.0 bag of the item's archived object (its current version).
    case bag
    /// `<out>/marc21.mrc`: one MARC 21 bibliographic record per public item, ISO 2709 in UTF-8.
    case marc
    /// `<out>/marc21.xml`: the same records as one MARCXML `collection`.
    case marcxml

    /// Whether the format is one file of MARC 21 records (which link to the items' public pages).
    public var isMARC: Bool { self == .marc || self == .marcxml }
}
