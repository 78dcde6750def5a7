/// What every page job needs to know about its item.
struct ItemContext: Sendable {
    var id: String
    var objectID: String
    /// Tesseract language string (`vie`, `vie+eng`), or `nil` for an image-only item.
    var ocrLanguage: String?
    var pageCount: Int
}
