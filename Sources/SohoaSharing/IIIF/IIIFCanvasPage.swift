/// What a manifest shows of one page: its image size, its OCR files and its text.
public struct IIIFCanvasPage: Sendable, Equatable {
    /// The catalog's page id (the Image API identifier).
    public var pageID: Int64
    /// The page's name in the archive (`trang-1`, `cong-van-2021-p0002`).
    public var name: String
    /// 1-based position among the item's archived pages, by which its labels and contents count (not
    /// the scan's number, which a split spread's two halves share).
    public var sequence: Int
    /// Size of the master frame in pixels (the canvas size).
    public var width: Int
    public var height: Int
    /// Whether the archive holds `alto/<name>.xml` and `hocr/<name>.hocr` for the page.
    public var hasALTO: Bool
    public var hasHOCR: Bool
    /// The text lines with their boxes (from ALTO); empty for pages without OCR.
    public var lines: [IIIFTextLine]
    /// The whole page's text, used when there are no lines.
    public var text: String?

    public init(
        pageID: Int64, name: String, sequence: Int, width: Int, height: Int, hasALTO: Bool = false, hasHOCR: Bool = false,
        lines: [IIIFTextLine] = [], text: String? = nil
    ) {
        self.pageID = pageID
        self.name = name
        self.sequence = sequence
        self.width = width
        self.height = height
        self.hasALTO = hasALTO
        self.hasHOCR = hasHOCR
        self.lines = lines
        self.text = text
    }
}
