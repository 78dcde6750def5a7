import Foundation

/// What archivists changed on an archived item since its scans were last ingested, as its METS
/// records it: the descriptive fields named by the PREMIS `metadata modification` events written
/// after the last `ingestion` event, and whether the page labels and contents were changed. A re-run
/// of the item's batch keeps these over `item.yaml` (unless told to take the files).
public struct WebEdits: Sendable, Equatable {
    /// Descriptive fields changed after the last ingest, in the order `MetadataField` lists them.
    public var fields: [MetadataField]
    /// Whether the page labels or table of contents were changed after the last ingest.
    public var structure: Bool

    /// The detail of the event a re-run records when it keeps edits over `item.yaml`: the same form
    /// as an edit's (`title: "old" → "kept"`), so the next run keeps them too.
    public static func keptDetail(_ changes: [MetadataChange]) -> String {
        "descriptive metadata edited on the web kept over the batch's item.yaml: " + MetadataEditor.summary(changes)
    }

    /// The detail of the event a re-run records when it keeps the page labels and contents edited on the web.
    public static let keptStructureDetail = "page labels and table of contents edited on the web kept over the batch's item.yaml"

    /// No edits.
    public init(fields: [MetadataField] = [], structure: Bool = false) {
        self.fields = fields
        self.structure = structure
    }

    /// The edits `mets` (a METS document this project wrote) records after its last ingestion event.
    public init(mets: String) {
        var details: [String] = []
        for block in mets.components(separatedBy: "<premis:event>").dropFirst() {
            guard let type = Self.text(of: "premis:eventType", in: block) else { continue }
            if type == "ingestion" {
                details = []
            } else if type == "metadata modification" {
                details.append(Self.text(of: "premis:eventDetail", in: block) ?? "")
            }
        }
        self.init(
            fields: MetadataField.allCases.filter { field in
                details.contains { $0.contains(": \(field.header): \"") || $0.contains("; \(field.header): \"") }
            },
            structure: details.contains { $0.hasPrefix("page labels") })
    }

    /// `true` when nothing was edited.
    public var isEmpty: Bool { fields.isEmpty && !structure }

    private static func text(of element: String, in block: String) -> String? {
        guard let start = block.range(of: "<\(element)>"),
            let end = block.range(of: "</\(element)>", range: start.upperBound..<block.endIndex)
        else { return nil }
        return String(block[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
