import Foundation
import SohoaArchive
import SohoaCatalog

/// `sohoa audit`: re-verifies the fixity of the archive's objects (all, some items, or a sample) and
/// records the audit in the catalog so managers can see it in `sohoa status`.
public struct ArchiveAudit: Sendable {
    /// The archive.
    public let session: ArchiveSession

    /// An audit of `session`'s archive.
    public init(session: ArchiveSession) {
        self.session = session
    }

    /// Runs the audit and records it. `itemIDs` limits it to those items; `samplePercent` (1–100)
    /// checks a random share of the objects instead of all.
    public func run(itemIDs: [String]? = nil, samplePercent: Double? = nil) throws(RunError) -> FixityAuditReport {
        let scope: FixityAudit.Scope
        let scopeText: String
        let items: [ItemRecord]
        do {
            items = try session.catalog.items()
        } catch {
            throw RunError(.archive, "cannot read the catalog: \(error)")
        }
        if let itemIDs, !itemIDs.isEmpty {
            var objectIDs: [String] = []
            for id in itemIDs {
                guard let item = items.first(where: { $0.id == id }) else {
                    throw RunError(.usage, "no item '\(id)' in the catalog of \(session.folder.path); `sohoa status` lists what is there")
                }
                objectIDs.append(item.objectID)
            }
            scope = .objects(objectIDs)
            scopeText = "items " + itemIDs.joined(separator: ", ")
        } else if let samplePercent {
            scope = .sample(samplePercent / 100)
            scopeText = "sample \(samplePercent.formatted())%"
        } else {
            scope = .all
            scopeText = "all"
        }
        let report: FixityAuditReport
        do {
            report = try FixityAudit(root: session.root).run(scope)
        } catch {
            throw RunError(.archive, "the archive at \(session.folder.path) cannot be audited: \(error)")
        }
        record(report, scope: scopeText, items: items)
        return report
    }

    /// Stores the audit and a `fixity-checked` event per catalogued item checked; a catalog that cannot
    /// be written does not hide the audit's findings (they are still returned and printed).
    private func record(_ report: FixityAuditReport, scope: String, items: [ItemRecord]) {
        let byObject = Dictionary(items.map { ($0.objectID, $0) }, uniquingKeysWith: { first, _ in first })
        try? session.catalog.write { tx throws(CatalogError) in
            try tx.recordAudit(
                AuditRecord(
                    startedAt: report.startedAt, finishedAt: report.finishedAt, scope: scope,
                    objectsChecked: report.objectsChecked.count, filesChecked: report.filesChecked,
                    findings: report.findings.map { "\($0.kind.rawValue) \($0.objectPath)/\($0.path): \($0.detail)" },
                    agent: SoftwareVersions.sohoa))
            for objectID in Set(report.objectsChecked + report.findings.map(\.objectID)) {
                guard let item = byObject[objectID] else { continue }
                let found = report.findings.filter { $0.objectID == objectID }
                try tx.addEvent(
                    itemID: item.id, type: .fixityChecked, agent: SoftwareVersions.sohoa,
                    outcome: found.isEmpty ? .success : .failure,
                    detail: found.isEmpty
                        ? "every file matches the inventory (SHA-512, SHA-256)"
                        : found.map { "\($0.kind.rawValue) \($0.path)" }.joined(separator: "; "),
                    at: report.finishedAt)
            }
        }
    }
}
