import Foundation
import SohoaArchive
import SohoaCollection

extension MetadataStage {
    /// A PREMIS `validation` event (outcome `warning`) naming each page whose capture fell short of
    /// the pipeline's `quality:` gate and why; `nil` when every page passed or no gate was set.
    func captureValidation(_ results: [PageResult], _ now: Date) -> ItemEvent? {
        let flagged = results.compactMap { result -> String? in
            guard let findings = result.captureFindings, !findings.isEmpty else { return nil }
            return "\(result.name): " + findings.map(\.english).joined(separator: ", ")
        }
        guard !flagged.isEmpty else { return nil }
        let event = PreservationEvent(
            type: "validation", date: now, agent: PreservationAgent(name: SoftwareVersions.sohoa), outcome: "warning",
            detail: "capture quality below the pipeline's quality gate, flagged for rescanning: "
                + flagged.joined(separator: "; "))
        return ItemEvent(premis: event, type: "capture-quality", summary: event.detail)
    }
}
