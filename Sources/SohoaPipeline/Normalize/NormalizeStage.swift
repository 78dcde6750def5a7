import Foundation
import SohoaImaging
import SohoaOCR

/// Normalize: a clean gray image for OCR (deskewed, resolution fixed), the access copy of the
/// master, and the page image for the item PDF, written to the page's work folder.
struct NormalizeStage: Sendable {
    let normalizer: Normalizer
    let accessMaxSide: Int

    init(options: NormalizeOptions, accessMaxSide: Int) {
        normalizer = Normalizer(options: options)
        self.accessMaxSide = accessMaxSide
    }

    func process(_ input: IngestedPage) throws(StageFailure) -> NormalizedWork {
        let job = input.job
        let normalized = normalizer.normalize(input.scan)
        do {
            try FileManager.default.createDirectory(at: job.folder, withIntermediateDirectories: true)
            let access = input.scan.raster.downscaled(maxSide: accessMaxSide)
            try Data(try PNGEncoder.encode(access)).write(to: WorkArea.accessURL(in: job.folder), options: .atomic)
            let pdfImage = try PDFPageImage(raster: normalized.raster)
            try Data(pdfImage.deflated).write(to: WorkArea.pdfImageURL(in: job.folder), options: .atomic)
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
            pdfImageGray: normalized.raster.layout == .gray, pdfImageDPI: normalized.report.dpiUsed)
        return NormalizedWork(job: job, result: result, image: normalized.raster)
    }
}
