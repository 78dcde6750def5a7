/// A bookmark of a PDF's outline: a title that opens a page, and its sub-bookmarks.
public struct PDFOutlineEntry: Sendable, Equatable {
    public var title: String
    /// The page it opens (position in the PDF, from 1).
    public var page: Int
    public var children: [PDFOutlineEntry]

    /// A bookmark.
    public init(title: String, page: Int, children: [PDFOutlineEntry] = []) {
        self.title = title
        self.page = page
        self.children = children
    }
}
