import CTesseract
import Foundation
import SohoaImaging

/// Tesseract's orientation and script detection (`osd.traineddata`) as the normalize stage's second
/// opinion on page orientation.
///
/// Owns one `TessBaseAPI` initialised with `osd`; not `Sendable`: a normalize worker owns its
/// detector. Large pages are reduced towards 150 dpi first (not below 1200 px on the long side).
public final class TesseractOrientationDetector: OrientationDetecting {
    /// Tesseract's orientation confidence that maps to 1 (its own margin for a decision is 7).
    static let fullConfidence: Float = 15

    private let api: OpaquePointer

    /// Loads `osd.traineddata` from `tessdata`; throws when it is missing (Debian: tesseract-ocr-osd).
    public init(tessdata: URL = TesseractEngine.defaultTessdata) throws {
        let model = tessdata.appendingPathComponent("osd.traineddata")
        guard FileManager.default.fileExists(atPath: model.path) else {
            throw OCRError(
                kind: .languageUnavailable, language: "osd",
                message: "no orientation model \(model.path): install tesseract-ocr-osd, or set normalize.orientation to false")
        }
        TesseractMessages.silence()
        LeptonicaMemory.prefaultLargeImages()
        guard let api = TessBaseAPICreate() else {
            throw OCRError(
                kind: .engineInitializationFailed, language: "osd",
                message: "TessBaseAPICreate returned nothing: check that libtesseract is installed and memory is available")
        }
        guard TessBaseAPIInit3(api, tessdata.path, "osd") == 0 else {
            TessBaseAPIDelete(api)
            throw OCRError(
                kind: .engineInitializationFailed, language: "osd",
                message:
                    "Tesseract could not load osd from \(tessdata.path): reinstall tesseract-ocr-osd "
                    + "(SOHOA_TESSERACT_MESSAGES=1 shows Tesseract's own words on it)")
        }
        TessBaseAPISetPageSegMode(api, PSM_OSD_ONLY)
        self.api = api
    }

    deinit {
        TessBaseAPIEnd(api)
        TessBaseAPIDelete(api)
    }

    public func orientation(of gray: Raster, dpi: Int) -> OrientationEstimate? {
        let image: Raster
        var resolution = dpi
        let longSide = Swift.max(gray.width, gray.height)
        // Reduced towards 150 dpi, but never below 1200 px: OSD needs whole letters.
        let side = Swift.max(longSide * 150 / Swift.max(1, dpi), 1200)
        if side < longSide {
            image = gray.grayscale().downscaled(maxSide: side)
            resolution = dpi * image.width / Swift.max(1, gray.width)
        } else {
            image = gray.grayscale()
        }
        guard image.width >= 16, image.height >= 16 else { return nil }
        image.pixels.withUnsafeBufferPointer { buffer in
            TessBaseAPISetImage(api, buffer.baseAddress, Int32(image.width), Int32(image.height), 1, Int32(image.width))
        }
        TessBaseAPISetSourceResolution(api, Int32(Swift.max(70, resolution)))
        defer { TessBaseAPIClear(api) }
        var degrees: Int32 = 0
        var confidence: Float = 0
        var script: UnsafePointer<CChar>?
        var scriptConfidence: Float = 0
        guard TessBaseAPIDetectOrientationScript(api, &degrees, &confidence, &script, &scriptConfidence) != 0 else {
            return nil
        }
        // `degrees` is how far the text is turned clockwise; turning it back is (360 − degrees) clockwise.
        let turns = ((360 - Int(degrees)) % 360) / 90
        let score = Swift.min(1, Swift.max(0, Double(confidence / Self.fullConfidence)))
        return OrientationEstimate(quarterTurns: turns, confidence: (score * 1000).rounded() / 1000, method: .tesseractOSD)
    }
}
