import Foundation
import SohoaText

extension METSWriter {
    /// The ` ORDERLABEL="…"` attribute of the page at `position` (from 1), or nothing.
    static func orderLabel(_ structure: ItemStructure, position: Int) -> String {
        guard let label = structure.label(ofPage: position), !label.isEmpty else { return "" }
        return " ORDERLABEL=\"\(XMLText.attribute(label))\""
    }

    /// The logical structMap (the table of contents) and the structLink tying each section to its
    /// pages (`PHYS_0001` is the first page), or nothing when there are no contents.
    static func logicalStructure(_ structure: ItemStructure, title: String, pageCount: Int) -> String {
        guard !structure.contents.isEmpty, pageCount > 0 else { return "" }
        var xml = "  <mets:structMap TYPE=\"LOGICAL\">\n"
        xml += "    <mets:div ID=\"LOG_0000\" TYPE=\"item\" DMDID=\"DMD1 DMD2\" LABEL=\"\(XMLText.attribute(title))\">\n"
        var links = ""
        var next = 1
        func divisions(_ entries: [ContentsEntry], indent: String) {
            for (order, entry) in entries.enumerated() {
                let id = String(format: "LOG_%04d", next)
                next += 1
                xml += "\(indent)<mets:div ID=\"\(id)\" TYPE=\"\(XMLText.attribute(entry.type))\" ORDER=\"\(order + 1)\""
                xml += " LABEL=\"\(XMLText.attribute(entry.title))\">\n"
                for page in entry.pages where page <= pageCount {
                    links += "    <mets:smLink xlink:from=\"\(id)\" xlink:to=\"\(String(format: "PHYS_%04d", page))\"/>\n"
                }
                divisions(entry.sections, indent: indent + "  ")
                xml += "\(indent)</mets:div>\n"
            }
        }
        divisions(structure.contents.entries, indent: "      ")
        xml += "    </mets:div>\n  </mets:structMap>\n"
        xml += "  <mets:structLink>\n" + links + "  </mets:structLink>\n"
        return xml
    }

    /// The METS of `mets` (a document this writer produced) with `structure` in place of the page
    /// labels and table of contents it had. Events and fixity are left to `revise`.
    ///
    /// Throws `METSRevisionError` when the document is not in the form this writer produces.
    public static func restructure(_ mets: String, structure: ItemStructure) throws(METSRevisionError) -> String {
        var lines = mets.components(separatedBy: "\n")
        var pageCount = 0
        for index in lines.indices where lines[index].contains("<mets:div ID=\"PHYS_") && lines[index].contains(" TYPE=\"page\"") {
            pageCount += 1
            var line = lines[index]
            if let range = line.range(of: #" ORDERLABEL="[^"]*""#, options: .regularExpression) {
                line.removeSubrange(range)
            }
            let label = orderLabel(structure, position: pageCount)
            if !label.isEmpty, let order = line.range(of: #" ORDER="[0-9]+""#, options: .regularExpression) {
                line.insert(contentsOf: label, at: order.upperBound)
            }
            lines[index] = line
        }
        guard pageCount > 0 else { throw METSRevisionError(reason: "its physical structMap has no page divisions") }
        lines = removingSection(lines, start: "  <mets:structMap TYPE=\"LOGICAL\">", end: "  </mets:structMap>")
        lines = removingSection(lines, start: "  <mets:structLink>", end: "  </mets:structLink>")
        guard let end = lines.lastIndex(of: "</mets:mets>") else { throw METSRevisionError(reason: "it does not end with </mets:mets>") }
        let title = objectLabel(in: mets) ?? ""
        let logical = logicalStructure(structure, title: title, pageCount: pageCount)
        if !logical.isEmpty {
            lines.insert(contentsOf: logical.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init), at: end)
        }
        return lines.joined(separator: "\n")
    }

    /// The `LABEL` of the METS root element, unescaped.
    static func objectLabel(in mets: String) -> String? {
        guard let line = mets.split(separator: "\n").first(where: { $0.contains("<mets:mets ") }),
            let value = attributes(of: String(line))["LABEL"]
        else { return nil }
        return value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    private static func removingSection(_ lines: [String], start: String, end: String) -> [String] {
        guard let first = lines.firstIndex(of: start),
            let last = lines[first...].firstIndex(of: end)
        else { return lines }
        var result = lines
        result.removeSubrange(first...last)
        return result
    }
}
