/// The logical paths of an item's PDFs inside its OCFL object: the archival PDF/A at the top, the
/// compact reading PDF in `reading/`. Corrections, metadata and structure edits revise both.
public enum ItemPDF {
    /// `<item-id>.pdf`: the archival PDF/A-1b, lossless page images.
    public static func archivalPath(itemID: String) -> String { "\(itemID).pdf" }

    /// `reading/<item-id>.pdf`: the compact reading PDF (G4 and JPEG pages, the same text layer).
    public static func readingPath(itemID: String) -> String { "reading/\(itemID).pdf" }

    /// Both paths, the archival one first.
    public static func paths(itemID: String) -> [String] { [archivalPath(itemID: itemID), readingPath(itemID: itemID)] }
}
