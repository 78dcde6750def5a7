import Foundation
import SohoaArchive

extension FixityAuditReport {
    /// The audit as people read it: findings by object and path, then a summary line.
    public var text: String {
        let en = Messages.english
        var lines: [String] = []
        let byObject = Dictionary(grouping: findings, by: \.objectID)
        for objectID in byObject.keys.sorted() {
            let found = byObject[objectID] ?? []
            lines.append("✗ \(objectID) (\(found.first?.objectPath ?? "")):")
            for finding in found.sorted(by: { ($0.path, $0.kind.rawValue) < ($1.path, $1.kind.rawValue) }) {
                lines.append("    \(finding.kind.rawValue) \(finding.path.isEmpty ? "—" : finding.path): \(finding.detail)")
            }
        }
        let summary =
            en
            ? "audit: \(objectsChecked.count) objects, \(filesChecked) files checked, \(findings.count) findings"
            : "kiểm tra: \(objectsChecked.count) đối tượng, \(filesChecked) tệp đã kiểm, \(findings.count) vấn đề"
        lines.append(
            summary
                + (findings.isEmpty
                    ? (en ? " — all intact" : " — toàn vẹn")
                    : (en ? " — restore the damaged objects from a backup" : " — khôi phục các đối tượng hỏng từ bản sao lưu")))
        return lines.joined(separator: "\n")
    }
}
