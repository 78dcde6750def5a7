import Foundation
import SohoaText

extension METSWriter {
    /// The two descriptive sections of an item's METS: `DMD1` (Dublin Core) and `DMD2` (MODS).
    static func descriptiveSections(_ dc: DublinCore) -> String {
        var xml = "  <mets:dmdSec ID=\"DMD1\">\n    <mets:mdWrap MDTYPE=\"DC\" MIMETYPE=\"text/xml\" LABEL=\"Dublin Core\">\n"
        xml += "      <mets:xmlData>\n"
        xml += DublinCoreWriter.element(dc, indent: "        ", declareNamespaces: false)
        xml += "      </mets:xmlData>\n    </mets:mdWrap>\n  </mets:dmdSec>\n"
        xml += "  <mets:dmdSec ID=\"DMD2\">\n    <mets:mdWrap MDTYPE=\"MODS\" MIMETYPE=\"text/xml\" LABEL=\"MODS\">\n"
        xml += "      <mets:xmlData>\n"
        xml += MODSWriter.element(dc, indent: "        ")
        xml += "      </mets:xmlData>\n    </mets:mdWrap>\n  </mets:dmdSec>\n"
        return xml
    }

    /// `mets` (a document this writer produced) with its Dublin Core and MODS made from `dc`, and the
    /// document's and the item division's `LABEL` set to its title. Events and files are left as they
    /// are (`revise` adds the event of the change).
    ///
    /// Throws `METSRevisionError` when the document is not in the form this writer produces.
    public static func revisingDescription(_ mets: String, dc: DublinCore) throws(METSRevisionError) -> String {
        var lines = mets.components(separatedBy: "\n")
        guard let first = lines.firstIndex(of: "  <mets:dmdSec ID=\"DMD1\">"),
            let second = lines.firstIndex(of: "  <mets:dmdSec ID=\"DMD2\">"), second > first,
            let end = lines[second...].firstIndex(of: "  </mets:dmdSec>")
        else { throw METSRevisionError(reason: "it has no dmdSec DMD1 and DMD2") }
        lines.replaceSubrange(first...end, with: descriptiveSections(dc).components(separatedBy: "\n").dropLast())
        let label = " LABEL=\"\(XMLText.attribute(dc.title))\""
        for marker in ["<mets:mets ", "ID=\"PHYS_0000\""] {
            guard let index = lines.firstIndex(where: { $0.contains(marker) }) else {
                throw METSRevisionError(reason: "it has no \(marker.trimmingCharacters(in: .whitespaces)) line")
            }
            if let range = lines[index].range(of: #" LABEL="[^"]*""#, options: .regularExpression) {
                lines[index].replaceSubrange(range, with: label)
            }
        }
        return lines.joined(separator: "\n")
    }
}
