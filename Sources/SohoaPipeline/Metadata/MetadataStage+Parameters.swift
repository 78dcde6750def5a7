import Foundation
import SohoaCollection
import SohoaOCR

/// The parameters the archive's PREMIS events add to their summary.
extension MetadataStage {
    /// Per page: skew measured, rotation applied, resolution used, orientation and why, spread half.
    static func normalizationParameters(_ pages: [PageResult]) -> String {
        let perPage = pages.map { r in
            "\(r.name): skew \(String(format: "%.2f", r.normalize.skewDegrees))° (confidence "
                + "\(String(format: "%.2f", r.normalize.skewConfidence))), rotated \(String(format: "%.2f", r.normalize.rotationApplied))°, "
                + "\(r.normalize.dpiUsed) dpi\(r.normalize.dpiEstimated ? " (estimated)" : "")\(r.normalize.blank ? ", blank" : "")"
                + (OrientationNote.text(r.normalize).map { ", orientation: \($0)" } ?? "")
                + (r.normalize.spreadPart.map {
                    ", \($0 == "a" ? "left" : "right") half of a spread split at x \(r.normalize.gutterX ?? 0)"
                } ?? "")
        }
        return "; parameters per page: " + perPage.joined(separator: "; ")
    }

    /// The OCR engine, its mode and the model files; then the pages whose text kept is a second
    /// reading with the strokes a pixel bolder, when there are any.
    static func recognitionParameters(_ pages: [PageResult]) -> String {
        let languages = Set(pages.compactMap(\.ocrLanguage)).sorted()
        let models = languages.flatMap { $0.split(separator: "+") }.map { "\($0).traineddata" }
        let engines = Set(pages.compactMap(\.ocrEngine)).sorted()
        let bolder = pages.filter(\.readBolder).map(\.name)
        return "; engine \(engines.isEmpty ? SoftwareVersions.tesseract : engines.joined(separator: ", "))"
            + " (LSTM, oem 1); model \(models.isEmpty ? "none" : models.joined(separator: ", ")) from "
            + TesseractEngine.defaultTessdata.path
            + (bolder.isEmpty
                ? ""
                : "; read again with strokes a pixel bolder (mean word confidence below "
                    + "\(String(format: "%.0f", OCRStage.doubtfulConfidence))), the bolder reading kept: "
                    + bolder.joined(separator: ", "))
    }
}
