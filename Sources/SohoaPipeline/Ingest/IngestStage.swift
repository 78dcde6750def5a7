import Foundation
import SohoaCatalog
import SohoaImaging

/// Ingest: decode one page of an original scan with libtiff/libpng and resolve its DPI.
/// The original file is only read, never changed.
/// With a quality gate, the page's capture is measured here, once: a page that falls short carries
/// its findings on (to be flagged for rescanning), or is refused under `on-fail: refuse`.
struct IngestStage: Stage, Sendable {
    static let kind = PipelineStage.ingest

    /// The pipeline's `quality:` section; `nil` judges no page.
    var quality: QualityGate?

    func process(_ job: PageJob) throws(StageFailure) -> IngestedPage {
        let scan: DecodedScan
        do {
            scan = try ScanDecoder.decode(job.page.file, page: job.page.frameIndex)
        } catch {
            throw StageFailure(
                stage: .ingest, file: job.page.file.path, page: job.page.name, itemID: job.item.id,
                reason: error.reason)
        }
        let dpi = DPIResolver.resolve(scan.technical)
        let findings = quality?.findings(of: scan, dpi: dpi) ?? []
        if !findings.isEmpty, quality?.onFail == .refuse {
            throw StageFailure(
                stage: .ingest, file: job.page.file.path, page: job.page.name, itemID: job.item.id,
                reason: "capture quality below the pipeline's quality: section: \(QualityGate.reason(findings)); "
                    + "rescan the page, or set quality.on-fail: flag to archive it flagged for rescanning")
        }
        return IngestedPage(job: job, scan: scan, dpi: dpi, captureFindings: findings)
    }
}
