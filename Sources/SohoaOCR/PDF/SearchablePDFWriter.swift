import Foundation
import SohoaImaging
import SohoaText

/// Writes a multi-page searchable PDF to disk one page at a time: each page is its image at its
/// physical size with the recognized words as invisible, extractable text over it.
///
/// The file is PDF/A-1b (ISO 19005-1, level B): an sRGB output intent, the glyphless font embedded,
/// XMP metadata that matches the document information (title, producer, dates) and claims the part.
/// Page images are coded as `imageCoding` says: lossless for the archival PDF, G4 and reduced JPEG for
/// the compact reading PDF (JPEG is allowed in PDF/A-1b, so both are PDF/A); the text layer is the same.
///
/// Pages are written as they are added; only object offsets stay in memory. The file is written
/// beside `url` under a temporary name and moved to `url` by `finish()`; a writer released
/// without `finish()` removes its partial file.
public final class SearchablePDFWriter {
    /// Where the finished PDF goes.
    public let url: URL
    /// Pages added so far.
    public private(set) var pageCount = 0
    /// The printed label of each page (index 0 is the first page; `nil`: its position), written as
    /// the document's `/PageLabels` when any is set. Set before `finish()`.
    public var pageLabels: [String?] = []
    /// Bookmarks (the table of contents), written as the document's outline. Set before `finish()`.
    public var outline: [PDFOutlineEntry] = []
    /// The document's XMP metadata (title, creators, rights), referenced by the catalog's `/Metadata`.
    /// Set before `finish()`; its producer, dates and PDF/A claim are the writer's, and its title
    /// (the writer's own when `nil`) is the document information's too.
    public var metadata: PDFXMPMetadata?
    /// How page images are coded: lossless (the archival PDF) or compact (the reading PDF).
    public let imageCoding: PDFImageCoding

    private let partialURL: URL
    private let handle: FileHandle
    private let title: String
    private let producer: String
    private let date: Date
    private var offset = 0
    private var offsets: [Int: Int] = [:]
    private var pageObjects: [Int] = []
    private var nextObject = 1
    private var finished = false
    private var codes = SupplementaryCodes()

    private static let catalogObject = 1
    private static let pagesObject = 2
    private static let fontObject = 3

    /// The glyphless font Tesseract installs with its models.
    public static var defaultFontURL: URL {
        TesseractEngine.defaultTessdata.appendingPathComponent("pdf.ttf")
    }

    /// Starts a PDF at `url` (written under a temporary name until `finish()`).
    ///
    /// - Parameters:
    ///   - title: the document title (the item's title; Vietnamese is fine).
    ///   - producer: the software, e.g. `sohoa 0.3.0 (Tesseract 5.3.0)`.
    ///   - fontURL: the glyphless TrueType font (`pdf.ttf` from tessdata).
    ///   - imageCoding: `.lossless` for the archival PDF, `.reading` for the compact one.
    public init(
        url: URL, title: String, producer: String, date: Date = Date(), fontURL: URL = SearchablePDFWriter.defaultFontURL,
        imageCoding: PDFImageCoding = .lossless
    ) throws {
        self.url = url
        self.imageCoding = imageCoding
        self.title = title
        self.producer = producer
        self.date = date
        let folder = url.deletingLastPathComponent()
        partialURL = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).partial")
        guard let font = FileManager.default.contents(atPath: fontURL.path) else {
            throw PDFWriterError(
                file: fontURL.path,
                message: "glyphless font missing: install tesseract-ocr (it ships pdf.ttf in tessdata) or pass fontURL")
        }
        guard FileManager.default.createFile(atPath: partialURL.path, contents: nil),
            let handle = try? FileHandle(forWritingTo: partialURL)
        else {
            throw PDFWriterError(file: url.path, message: "cannot create \(partialURL.path): check that the folder exists and is writable")
        }
        self.handle = handle
        guard let fontObjects = PDFGlyphlessFont.objects(first: Self.fontObject, fontFile: Array(font)) else {
            throw PDFWriterError(file: url.path, message: "zlib could not compress the font tables: check free memory")
        }
        try write(Array("%PDF-1.4\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A])
        for object in fontObjects { try writeObject(object.number, object.bytes) }
        nextObject = Self.fontObject + fontObjects.count + 1
    }

    deinit {
        try? handle.close()
        if !finished { try? FileManager.default.removeItem(at: partialURL) }
    }

    /// Adds a page: `image` drawn over the whole page at `dpi`, `text` over it as invisible text.
    ///
    /// `text`'s coordinates are those of the image it was recognized on; when its size differs
    /// from `image`'s (a reduced access copy, say), boxes are scaled to fit. `bilevelMaster` (the
    /// page's master is 1-bit) makes a compact writer code the page as black and white.
    public func addPage(image: PDFPageImage, dpi: Int, text: PageText, bilevelMaster: Bool = false) throws {
        let number = pageCount + 1
        try checkPage(width: image.width, height: image.height, dpi: dpi, number: number)
        let coded = try imageCoding.coded(
            image, dpi: dpi, bilevelMaster: bilevelMaster, scratch: url.deletingLastPathComponent(), file: url.path, page: number)
        try addPage(
            coded: PDFCodedImage(width: image.width, height: image.height, entries: coded.entries, data: coded.data), dpi: dpi, text: text)
    }

    /// Adds a page whose image is already coded (by `PDFImageCoding.coded(_:dpi:bilevelMaster:scratch:file:page:)`,
    /// with this writer's `imageCoding`): drawn over the whole page at `dpi`, `text` over it as
    /// invisible text. `text`'s boxes are scaled as `addPage(image:dpi:text:bilevelMaster:)` says.
    public func addPage(coded image: PDFCodedImage, dpi: Int, text: PageText) throws {
        let number = pageCount + 1
        try checkPage(width: image.width, height: image.height, dpi: dpi, number: number)
        let pageWidth = Double(image.width) * 72 / Double(dpi)
        let pageHeight = Double(image.height) * 72 / Double(dpi)
        let layer = PDFTextLayer(
            pageWidth: pageWidth, pageHeight: pageHeight,
            scaleX: pageWidth / Double(max(1, text.width)), scaleY: pageHeight / Double(max(1, text.height)))
        guard let content = Deflate.compress(layer.contentStream(text: text, imageName: "Im1", codes: &codes)) else {
            throw PDFWriterError(file: url.path, page: number, message: "zlib could not compress the page content: check free memory")
        }
        let pageObject = nextObject, contentObject = nextObject + 1, imageObject = nextObject + 2
        nextObject += 3
        try writeObject(imageObject, PDFGlyphlessFont.stream("/Type /XObject /Subtype /Image \(image.entries)", image.data))
        try writeObject(contentObject, PDFGlyphlessFont.stream("/Filter /FlateDecode", content))
        try writeObject(
            pageObject,
            PDFGlyphlessFont.dictionary(
                """
                << /Type /Page /Parent \(Self.pagesObject) 0 R /MediaBox [ 0 0 \(PDFText.number(pageWidth)) \(PDFText.number(pageHeight)) ] \
                /Contents \(contentObject) 0 R /Resources << /XObject << /Im1 \(imageObject) 0 R >> \
                /Font << /\(PDFGlyphlessFont.resourceName) \(Self.fontObject) 0 R >> >> >>
                """))
        pageObjects.append(pageObject)
        pageCount = number
    }

    /// Throws when no page can be added (the PDF is finished) or the image cannot make a page.
    private func checkPage(width: Int, height: Int, dpi: Int, number: Int) throws {
        guard !finished else {
            throw PDFWriterError(file: url.path, page: number, message: "the PDF is already finished: create a new writer")
        }
        guard dpi > 0, width > 0, height > 0 else {
            throw PDFWriterError(
                file: url.path, page: number,
                message: "unusable page image \(width)×\(height) at \(dpi) dpi: fix the image's size or resolution")
        }
    }

    /// Writes the page tree, document information, cross-reference table and trailer, and moves
    /// the file to `url` (replacing what is there).
    public func finish() throws {
        guard !finished else {
            throw PDFWriterError(file: url.path, message: "finish() was already called")
        }
        guard !pageObjects.isEmpty else {
            throw PDFWriterError(file: url.path, message: "a PDF needs at least one page: add pages before finishing")
        }
        guard let toUnicode = PDFGlyphlessFont.toUnicodeObject(codes: codes) else {
            throw PDFWriterError(file: url.path, message: "zlib could not compress the ToUnicode map: check free memory")
        }
        try writeObject(PDFGlyphlessFont.toUnicodeNumber(first: Self.fontObject), toUnicode)
        let kids = pageObjects.map { "\($0) 0 R" }.joined(separator: " ")
        try writeObject(Self.pagesObject, PDFGlyphlessFont.dictionary("<< /Type /Pages /Kids [ \(kids) ] /Count \(pageObjects.count) >>"))
        try writeCatalog()
        let infoObject = nextObject
        nextObject += 1
        let created = Self.textString(Self.pdfDate(date))
        try writeObject(
            infoObject,
            PDFGlyphlessFont.dictionary(
                """
                << /Title \(Self.textString(metadata?.title ?? title)) /Producer \(Self.textString(producer)) \
                /CreationDate \(created) /ModDate \(created) >>
                """))
        let xrefOffset = offset
        var xref = "xref\n0 \(nextObject)\n0000000000 65535 f \n"
        for object in 1..<nextObject {
            guard let position = offsets[object] else {
                throw PDFWriterError(file: url.path, message: "internal error: object \(object) was never written")
            }
            let digits = String(position)
            xref += String(repeating: "0", count: max(0, 10 - digits.count)) + digits + " 00000 n \n"
        }
        let id = UUID().uuidString.replacingOccurrences(of: "-", with: "")
        xref += """
            trailer
            << /Size \(nextObject) /Root \(Self.catalogObject) 0 R /Info \(infoObject) 0 R /ID [ <\(id)> <\(id)> ] >>
            startxref
            \(xrefOffset)
            %%EOF

            """
        try write(Array(xref.utf8))
        do {
            try handle.synchronize()
            try handle.close()
            if FileManager.default.fileExists(atPath: url.path) {
                try FileManager.default.removeItem(at: url)
            }
            try FileManager.default.moveItem(at: partialURL, to: url)
        } catch {
            throw PDFWriterError(
                file: url.path, message: "cannot move the finished PDF into place (\(error)): check the folder's permissions and free space"
            )
        }
        finished = true
    }

    /// The document catalog (written last, so it can name the labels and outline set after `init`).
    private func writeCatalog() throws {
        let bookmarks = PDFOutline(outline, first: nextObject, pageObjects: pageObjects)
        for object in bookmarks.objects { try writeObject(object.number, PDFGlyphlessFont.dictionary(object.body)) }
        nextObject += bookmarks.objects.count
        var xmp = metadata ?? PDFXMPMetadata(title: title)
        (xmp.producer, xmp.created, xmp.modified, xmp.pdfaPart) = (producer, date, date, 1)
        let metadataObject = nextObject
        try writeObject(metadataObject, xmp.streamObject)
        nextObject += 1
        guard let intent = PDFOutputIntent.objects(first: nextObject) else {
            throw PDFWriterError(file: url.path, message: "zlib could not compress the colour profile: check free memory")
        }
        for object in intent { try writeObject(object.number, object.bytes) }
        nextObject += intent.count
        try writeObject(
            Self.catalogObject,
            PDFGlyphlessFont.dictionary(
                PDFOutline.catalog(
                    pages: Self.pagesObject, labels: pageLabels, pageCount: pageCount, outline: bookmarks, metadata: metadataObject,
                    outputIntent: intent[1].number)))
    }

    private func writeObject(_ number: Int, _ body: [UInt8]) throws {
        offsets[number] = offset
        try write(Array("\(number) 0 obj\n".utf8) + body + Array("endobj\n".utf8))
    }

    private func write(_ bytes: [UInt8]) throws {
        do {
            try handle.write(contentsOf: bytes)
        } catch {
            throw PDFWriterError(file: url.path, page: pageCount + 1, message: "write failed (\(error)): check free disk space")
        }
        offset += bytes.count
    }

    /// A PDF text string: a literal for printable ASCII, else UTF-16BE with a byte order mark.
    static func textString(_ text: String) -> String { PDFText.string(text) }

    /// `D:YYYYMMDDHHmmSSZ` in UTC.
    static func pdfDate(_ date: Date) -> String { PDFXMPMetadata.pdfDate(date) }
}
