import Foundation

/// What ALTO and hOCR documents say about a page besides its text: where it comes from, what
/// made it and when.
public struct OCROutputContext: Sendable, Codable, Equatable {
    /// The page's identifier (the source file's stem, or `<stem>-p0003`).
    public var pageID: String
    /// The master image's file name, as archived (`masters/<page>.<ext>` without the folder).
    public var imageFileName: String
    /// The page's 1-based position in its item.
    public var pageNumber: Int
    /// The OCR language, Tesseract codes joined by `+` (`vie`, `vie+eng`).
    public var language: String
    /// The software that wrote the document.
    public var softwareName: String
    /// Its version.
    public var softwareVersion: String
    /// The OCR engine's version (`TesseractEngine.version`).
    public var engineVersion: String
    /// When the page was recognized.
    public var date: Date
    /// Resolution of the master image, written to hOCR as `scan_res` when known.
    public var masterDPI: Int?

    /// Creates a context.
    public init(
        pageID: String, imageFileName: String, pageNumber: Int, language: String,
        softwareName: String = "sohoa", softwareVersion: String, engineVersion: String,
        date: Date = Date(), masterDPI: Int? = nil
    ) {
        self.pageID = pageID
        self.imageFileName = imageFileName
        self.pageNumber = pageNumber
        self.language = language
        self.softwareName = softwareName
        self.softwareVersion = softwareVersion
        self.engineVersion = engineVersion
        self.date = date
        self.masterDPI = masterDPI
    }

    /// The first language of `language` (the one written as the text's language).
    var primaryLanguage: String {
        language.split(separator: "+").first.map(String.init) ?? language
    }
}

/// The context `ALTOWriter` takes; the same value serves `HOCRWriter`.
public typealias ALTOContext = OCROutputContext
