import Foundation
import SohoaArchive
import SohoaText

/// The few pieces of XML that revising sohoa's ALTO needs: text escaped for attribute values and the
/// `Processing` step that records a correction (reading is `ALTOPage` and `ALTOAttributes`).
enum ALTOMarkup {
    /// Text for an attribute value (the archive's `XMLText` rules: NFC, `&`, `<`, `>`, `"` and `'` as
    /// entities, characters XML 1.0 does not allow dropped).
    static func escape(_ text: String) -> String {
        XMLText.attribute(text)
    }

    /// The number the next correction step of a document gets (`correction_<n>`).
    static func nextCorrectionStep(in lines: [String]) -> Int {
        lines.filter { $0.contains("<Processing ID=\"correction_") }.count + 1
    }

    /// Adds a `Processing` step that records a correction by hand (who, when, with which sohoa)
    /// at the end of the document's `Description`; `false` when there is no `Description`.
    static func addCorrectionStep(
        to lines: inout [String], number: Int, by person: String, at date: Date, software: String, description: String
    ) -> Bool {
        guard let end = lines.lastIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "</Description>" }) else {
            return false
        }
        lines.insert(
            contentsOf: [
                "    <Processing ID=\"correction_\(number)\">",
                "      <processingCategory>contentModification</processingCategory>",
                "      <processingDateTime>\(ISO8601DateFormatter().string(from: date))</processingDateTime>",
                "      <processingAgency>\(escape(person))</processingAgency>",
                "      <processingStepDescription>\(escape(description))</processingStepDescription>",
                "      <processingSoftware>",
                "        <softwareName>sohoa</softwareName>",
                "        <softwareVersion>\(escape(software))</softwareVersion>",
                "      </processingSoftware>",
                "    </Processing>",
            ], at: end)
        return true
    }
}
