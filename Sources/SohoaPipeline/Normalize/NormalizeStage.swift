import Foundation
import SohoaCatalog
import SohoaImaging
import SohoaOCR
import SohoaText

/// Normalize: a clean image for OCR (upright, levelled, borders removed, light evened out, a
/// spread split into its two pages), the access copy of the master, and the page image for the
/// item PDF, written to each resulting page's work folder.
///
/// Not `Sendable`: it owns its orientation detector (a Tesseract OSD engine) and the OCR engine that
/// checks doubtful orientations by recognition, and lives on one normalize worker's queue.
final class NormalizeStage: Stage {
    static let kind = PipelineStage.normalize

    let normalizer: Normalizer
    let accessMaxSide: Int
    /// The page image coded for each of the item's PDFs.
    let pdfImages: PagePDFImages
    private let orientationDetector: (any OrientationDetecting)?
    /// Where the recognition engine's models are, until it is made (on first use); `nil` after.
    private var engineTessdata: URL?
    private var engine: TesseractEngine?
    /// Whether the page is still this stage's to write (a queue worker's lease still held): checked
    /// just before the page's files are written; always true in a local run.
    var stillClaimed: () -> Bool = { true }
    /// Where the CPU time of the stage's parts is added up (a local run), if anywhere.
    var cpu: StageCPUTimes?

    /// With `tessdata`, orientation is checked with Tesseract's OSD and, for doubtful pages of items
    /// with an OCR language, by recognition (without a model it falls back to sohoa's own measure).
    /// `pdfImages`: the PDFs whose page images the stage codes (none by default).
    init(options: NormalizeOptions, accessMaxSide: Int, tessdata: URL? = nil, pdfImages: PagePDFImages = PagePDFImages(outputs: [])) {
        normalizer = Normalizer(options: options)
        self.accessMaxSide = accessMaxSide
        self.pdfImages = pdfImages
        // Without the OSD model the stage still works with sohoa's own orientation measure.
        if options.orientation, let tessdata {
            orientationDetector = try? TesseractOrientationDetector(tessdata: tessdata)
        } else {
            orientationDetector = nil
        }
        engineTessdata = options.orientation ? tessdata : nil
    }

    /// The recognizer for pages in `language` (the item's OCR language); `nil` for items without OCR.
    private func recognizer(for language: String?) -> SampleRecognizer? {
        guard let language, !language.isEmpty, language != "none" else { return nil }
        if engine == nil, let tessdata = engineTessdata {
            // One attempt: a worker without an engine keeps working with OSD and the profiles.
            engine = try? TesseractEngine(tessdata: tessdata, pageSegmentation: .singleBlock)
            engineTessdata = nil
        }
        // Vietnamese samples also count their valid syllables: a reading the wrong way up makes few.
        let vietnamese = language.split(separator: "+").contains("vie")
        return engine.map {
            SampleRecognizer(engine: $0, language: language, isSyllable: vietnamese ? { VietnameseSyllable.isPossibleSyllable($0) } : nil)
        }
    }

    /// The page's normalized image(s): one, or two (left page first) for a split spread, each half
    /// with its own job (name `<page>-a` / `<page>-b` and work folder; the scheduler registers its
    /// catalog page).
    func process(_ input: IngestedPage) throws(StageFailure) -> [NormalizedWork] {
        let recognition = recognizer(for: input.job.item.ocrLanguage)
        let pages = StageCPUTimes.measure(.normalizeSteps, in: cpu) {
            normalizer.pages(of: input.scan, orientationDetector: orientationDetector, recognition: recognition)
        }
        var access: [UInt8]?
        var results: [NormalizedWork] = []
        for normalized in pages {
            let job = normalized.report.spreadPart.map(input.job.spreadPart) ?? input.job
            // Another worker has the page now: its files are that worker's to write.
            guard stillClaimed() else { throw StageFailure.claimLost(job, stage: .normalize) }
            do {
                try FileManager.default.createDirectory(at: job.folder, withIntermediateDirectories: true)
                try StageCPUTimes.measure(.accessCopy, in: cpu) { () throws in
                    if access == nil { access = try PNGEncoder.encode(input.scan.raster.downscaled(maxSide: accessMaxSide)) }
                    try Data(access ?? []).write(to: WorkArea.accessURL(in: job.folder), options: .atomic)
                }
                try StageCPUTimes.measure(.pdfImages, in: cpu) { () throws in
                    try pdfImages.write(
                        normalized.raster, dpi: normalized.report.dpiUsed,
                        bilevelMaster: input.scan.technical.bitsPerSample == 1 && input.scan.technical.samplesPerPixel == 1,
                        in: job.folder, file: job.page.file.path)
                }
            } catch {
                throw StageFailure(
                    stage: .normalize, file: job.page.file.path, page: job.page.name, itemID: job.item.id,
                    reason: "cannot write the page images to the work folder \(job.folder.path): \(error)")
            }
            let result = PageResult(
                itemID: job.item.id, name: job.page.name, sequence: job.page.sequence,
                sourceFile: job.page.file.path, frameIndex: job.page.frameIndex, sha256: job.sha256,
                technical: input.scan.technical, dpi: input.dpi, normalize: normalized.report,
                transform: normalized.transform, text: nil, ocrLanguage: job.item.ocrLanguage,
                ocrEngine: nil, ocrMilliseconds: nil, recognizedAt: nil,
                pdfImageWidth: normalized.raster.width, pdfImageHeight: normalized.raster.height,
                pdfImageGray: normalized.raster.layout == .gray, pdfImageDPI: normalized.report.dpiUsed,
                textLayer: pages.count == 1 ? input.scan.textLayer : nil)
            results.append(NormalizedWork(job: job, result: result, image: normalized.raster))
        }
        return results
    }
}
