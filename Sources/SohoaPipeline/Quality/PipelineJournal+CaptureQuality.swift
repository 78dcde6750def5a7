import SohoaCatalog
import SohoaImaging

extension PipelineJournal {
    /// Sends a page whose capture fell short back for rescanning, with the findings as the reason,
    /// unless a reviewer has already decided on it (approved or corrected it).
    static func flagForRescan(
        _ tx: CatalogTransaction, pageID: Int64, _ findings: [CaptureQualityFinding]?
    ) throws(CatalogError) {
        guard let findings, !findings.isEmpty else { return }
        let state = try tx.reviewEntry(pageID: pageID)?.reviewState
        guard state == nil || state == .pending || state == .rescan else { return }
        try tx.setReviewState(pageID: pageID, .rescan, rescanReason: QualityGate.reason(findings))
    }
}
