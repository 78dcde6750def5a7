import CTesseract
import CTesseractLineImages
import Foundation
import SohoaImaging

/// OCR with Tesseract's LSTM engine through its C API, page segmentation as the CLI's default (`PSM_AUTO`).
///
/// One `TessBaseAPI` lives as long as the engine and is re-initialised only when the requested
/// language changes. Not `Sendable`: a worker owns its engine and calls it from its own queue.
/// `OMP_THREAD_LIMIT=1` must be in the process environment before start (see the notes).
public final class TesseractEngine: OCREngine {
    /// The default tessdata folder: `TESSDATA_PREFIX` when set, else Debian's location.
    public static var defaultTessdata: URL {
        if let prefix = ProcessInfo.processInfo.environment["TESSDATA_PREFIX"], !prefix.isEmpty {
            return URL(fileURLWithPath: prefix, isDirectory: true)
        }
        return URL(fileURLWithPath: "/usr/share/tesseract-ocr/5/tessdata", isDirectory: true)
    }

    /// The linked Tesseract library's version, e.g. `5.3.0`.
    public static var version: String {
        guard let text = TessVersion() else { return "unknown" }
        return String(cString: text)
    }

    /// The language codes that have a `.traineddata` model in `tessdata` (`osd` excluded).
    public static func availableLanguages(tessdata: URL = defaultTessdata) -> Set<String> {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: tessdata.path)) ?? []
        let suffix = ".traineddata"
        return Set(names.filter { $0.hasSuffix(suffix) }.map { String($0.dropLast(suffix.count)) })
            .subtracting(["osd"])
    }

    /// Whether this process's Tesseract can store the image of each line it reads uncompressed
    /// (`CTesseractLineImages`) instead of the PNG that Debian's build encodes and decodes again for
    /// every line (about a tenth of a run's CPU time). False if the interposition did not take.
    public static var canStoreLineImagesUncompressed: Bool { sohoa_line_images_interposed() == 1 }

    /// `SOHOA_TESSERACT_PNG_LINES=1` keeps Tesseract's own PNG round trip: for comparing outputs
    /// and time with and without (`scripts/bench-throughput.sh`).
    static let environmentKeepsPNGLines = ProcessInfo.processInfo.environment["SOHOA_TESSERACT_PNG_LINES"] == "1"

    /// True to let Tesseract store its line images as PNG (as the `tesseract` command does); the
    /// results are the same either way, only slower.
    var keepsLineImagesAsPNG = TesseractEngine.environmentKeepsPNGLines

    /// The folder the models are read from.
    public let tessdata: URL
    /// How pages are segmented (`auto` for page OCR).
    public let pageSegmentation: PageSegmentation
    /// The language the API is initialised with, or nil before the first page.
    public private(set) var currentLanguage: String?

    private let api: OpaquePointer

    /// Creates the engine; the model is loaded on the first `recognize` call.
    public init(tessdata: URL = TesseractEngine.defaultTessdata, pageSegmentation: PageSegmentation = .auto) throws {
        TesseractMessages.silence()
        LeptonicaMemory.prefaultLargeImages()
        guard let api = TessBaseAPICreate() else {
            throw OCRError(
                kind: .engineInitializationFailed, language: "",
                message: "TessBaseAPICreate returned nothing: check that libtesseract is installed and memory is available")
        }
        self.api = api
        self.tessdata = tessdata
        self.pageSegmentation = pageSegmentation
    }

    deinit {
        TessBaseAPIEnd(api)
        TessBaseAPIDelete(api)
    }

    public func recognize(_ image: Raster, dpi: Int, language: String) throws -> PageText {
        try validate(image: image, dpi: dpi, language: language)
        try load(language: language)
        let gray = image.layout == .gray ? image.pixels : Self.luminance(of: image)
        gray.withUnsafeBufferPointer { buffer in
            TessBaseAPISetImage(api, buffer.baseAddress, Int32(image.width), Int32(image.height), 1, Int32(image.width))
        }
        TessBaseAPISetSourceResolution(api, Int32(dpi))
        defer { TessBaseAPIClear(api) }
        // The line images Tesseract keeps while it reads: uncompressed instead of PNG (same pixels).
        sohoa_line_images_uncompressed(keepsLineImagesAsPNG ? 0 : 1)
        let status = TessBaseAPIRecognize(api, nil)
        sohoa_line_images_uncompressed(0)
        guard status == 0 else {
            throw OCRError(
                kind: .recognitionFailed, language: language,
                message:
                    "Tesseract could not recognize the \(image.width)×\(image.height) image: check the normalized image, or set the item's language to none to archive it image-only"
            )
        }
        guard let iterator = TessBaseAPIGetIterator(api) else {
            return .empty(width: image.width, height: image.height)
        }
        defer { TessResultIteratorDelete(iterator) }
        return TesseractResultReader.read(iterator, width: image.width, height: image.height)
    }

    /// Initialises the API for `language` unless it already is.
    private func load(language: String) throws {
        if language == currentLanguage { return }
        let installed = Self.availableLanguages(tessdata: tessdata)
        for code in language.split(separator: "+").map(String.init) where !installed.contains(code) {
            throw OCRError(
                kind: .languageUnavailable, language: language,
                message:
                    "no Tesseract model for '\(code)' in \(tessdata.path): install tesseract-ocr-\(code.replacingOccurrences(of: "_", with: "-")) or set the item's language to none"
            )
        }
        currentLanguage = nil
        let status = TessBaseAPIInit2(api, tessdata.path, language, OEM_LSTM_ONLY)
        guard status == 0 else {
            throw OCRError(
                kind: .engineInitializationFailed, language: language,
                message:
                    "Tesseract could not load '\(language)' from \(tessdata.path) (status \(status)): reinstall the model, it may be damaged "
                    + "(SOHOA_TESSERACT_MESSAGES=1 shows Tesseract's own words on it)"
            )
        }
        TessBaseAPISetPageSegMode(api, pageSegmentation.tesseractMode)
        currentLanguage = language
    }

    private func validate(image: Raster, dpi: Int, language: String) throws {
        let codes = language.split(separator: "+", omittingEmptySubsequences: false)
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")
        if language.isEmpty || language == "none" || codes.contains(where: { $0.isEmpty || !$0.allSatisfy(allowed.contains) }) {
            throw OCRError(
                kind: .invalidLanguage, language: language,
                message: "not a Tesseract language list (e.g. vie, vie+eng): fix the item's language, or use none and do not run OCR")
        }
        if image.width <= 0 || image.height <= 0 || image.width > 32_767 || image.height > 32_767 {
            throw OCRError(
                kind: .invalidImage, language: language,
                message: "image size \(image.width)×\(image.height) is outside 1…32767 pixels: check the normalize stage's output")
        }
        if dpi <= 0 || dpi > 10_000 {
            throw OCRError(
                kind: .invalidImage, language: language,
                message: "resolution \(dpi) dpi is not usable: fix the DPI in the normalize stage (scans are usually 300–600 dpi)")
        }
    }

    /// ITU-R BT.601 luma of an RGB raster.
    private static func luminance(of image: Raster) -> [UInt8] {
        var gray = [UInt8](repeating: 0, count: image.width * image.height)
        image.pixels.withUnsafeBufferPointer { rgb in
            for index in 0..<gray.count {
                let r = Int(rgb[3 * index]), g = Int(rgb[3 * index + 1]), b = Int(rgb[3 * index + 2])
                gray[index] = UInt8((299 * r + 587 * g + 114 * b + 500) / 1000)
            }
        }
        return gray
    }
}
