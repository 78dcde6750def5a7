import SohoaText

extension ItemContents {
    /// The contents as PDF bookmarks, each opening its section's first page.
    public var pdfBookmarks: [PDFOutlineEntry] {
        func bookmarks(_ entries: [ContentsEntry]) -> [PDFOutlineEntry] {
            entries.map { PDFOutlineEntry(title: $0.title, page: $0.firstPage, children: bookmarks($0.sections)) }
        }
        return bookmarks(entries)
    }
}
