import Foundation
import SohoaCatalog
import SohoaImaging

/// Ingest: decode one page of an original scan with libtiff/libpng and resolve its DPI.
/// The original file is only read, never changed.
struct IngestStage: Stage, Sendable {
    static let kind = PipelineStage.ingest

    func process(_ job: PageJob) throws(StageFailure) -> IngestedPage {
        do {
            let scan = try ScanDecoder.decode(job.page.file, page: job.page.frameIndex)
            return IngestedPage(job: job, scan: scan, dpi: DPIResolver.resolve(scan.technical))
        } catch {
            throw StageFailure(
                stage: .ingest, file: job.page.file.path, page: job.page.name, itemID: job.item.id,
                reason: error.reason)
        }
    }
}
