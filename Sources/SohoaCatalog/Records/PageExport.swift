/// A page ready for export (`sohoa export`): the page and its recognized text, if any.
public struct PageExport: Sendable, Equatable {
    public var page: PageRecord
    /// The page's text (NFC); `nil` for image-only pages.
    public var text: String?

    /// Makes a page export.
    public init(page: PageRecord, text: String?) {
        self.page = page
        self.text = text
    }
}
