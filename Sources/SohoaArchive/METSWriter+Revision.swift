import Foundation
import SohoaText

extension METSWriter {
    /// The METS of a new version made from `mets` (a document this writer produced): `events` appended
    /// as PREMIS events (with any new agents) and linked from the item's structMap division, the size and
    /// SHA-256 of the files in `changedFiles` (logical path → facts) updated, and `LASTMODDATE` set.
    ///
    /// Throws `METSRevisionError` when the document is not in the form this writer produces.
    public static func revise(
        _ mets: String, objectID: String, events: [PreservationEvent], changedFiles: [String: PackageFileFacts],
        modifiedAt: Date
    ) throws(METSRevisionError) -> String {
        var lines = mets.components(separatedBy: "\n")
        guard let headerIndex = lines.firstIndex(where: { $0.contains("<mets:metsHdr ") }) else {
            throw METSRevisionError(reason: "it has no mets:metsHdr")
        }
        let stamp = OCFLStorageRoot.timestamp(modifiedAt)
        if let range = lines[headerIndex].range(of: #" LASTMODDATE="[^"]*""#, options: .regularExpression) {
            lines[headerIndex].replaceSubrange(range, with: " LASTMODDATE=\"\(stamp)\"")
        } else {
            lines[headerIndex] = lines[headerIndex].replacingOccurrences(
                of: "<mets:metsHdr ", with: "<mets:metsHdr LASTMODDATE=\"\(stamp)\" ")
        }

        for (path, facts) in changedFiles.sorted(by: { $0.key < $1.key }) {
            let needle = "xlink:href=\"\(href(path))\""
            guard let locat = lines.firstIndex(where: { $0.contains(needle) }), locat > 0,
                lines[locat - 1].contains("<mets:file ")
            else { throw METSRevisionError(reason: "its fileSec does not list \(path)") }
            let attributes = Self.attributes(of: lines[locat - 1])
            guard let id = attributes["ID"], let mime = attributes["MIMETYPE"] else {
                throw METSRevisionError(reason: "the mets:file of \(path) has no ID or MIMETYPE")
            }
            lines[locat - 1] = String(
                fileLine(id: id, mimeType: Self.unescape(mime), facts: facts, admID: attributes["ADMID"]).dropLast())
        }

        guard !events.isEmpty else { return lines.joined(separator: "\n") }
        let text = lines.joined(separator: "\n")
        var nextEvent = highestNumber(in: text, prefix: "EVENT_") + 1
        var nextAgent = highestNumber(in: text, prefix: "AGENT_") + 1
        var addition = ""
        var newIDs: [String] = []
        for event in events {
            let id = String(format: "EVENT_%04d", nextEvent)
            nextEvent += 1
            newIDs.append(id)
            addition += eventSection(event, id: id, objectID: objectID)
        }
        var known = text
        for event in events {
            let value = "<premis:agentIdentifierValue>\(XMLText.escape(event.agent.name))</premis:agentIdentifierValue>"
            guard !known.contains(value) else { continue }
            let section = agentSection(event.agent, id: String(format: "AGENT_%04d", nextAgent))
            nextAgent += 1
            addition += section
            known += section
        }
        if let end = lines.firstIndex(of: "  </mets:amdSec>") {
            lines.insert(contentsOf: addition.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init), at: end)
        } else if let fileSec = lines.firstIndex(where: { $0.hasPrefix("  <mets:fileSec>") || $0.hasPrefix("  <mets:structMap") }) {
            let section = "  <mets:amdSec ID=\"AMD1\">\n" + addition + "  </mets:amdSec>"
            lines.insert(contentsOf: section.components(separatedBy: "\n"), at: fileSec)
        } else {
            throw METSRevisionError(reason: "it has neither a fileSec nor a structMap")
        }
        guard let division = lines.firstIndex(where: { $0.contains("ID=\"PHYS_0000\"") }) else {
            throw METSRevisionError(reason: "its structMap has no item division PHYS_0000")
        }
        if let range = lines[division].range(of: #" ADMID="[^"]*"#, options: .regularExpression) {
            lines[division].insert(contentsOf: " " + newIDs.joined(separator: " "), at: range.upperBound)
        } else {
            lines[division] = lines[division].replacingOccurrences(
                of: "ID=\"PHYS_0000\"", with: "ID=\"PHYS_0000\" ADMID=\"\(newIDs.joined(separator: " "))\"")
        }
        return lines.joined(separator: "\n")
    }

    /// The `OBJID` of a METS document this writer produced, if it has one.
    public static func objectID(in mets: String) -> String? {
        guard let line = mets.split(separator: "\n").first(where: { $0.contains("<mets:mets ") }) else { return nil }
        return attributes(of: String(line))["OBJID"].map(unescape)
    }

    /// The attributes of a one-line start tag.
    static func attributes(of line: String) -> [String: String] {
        var result: [String: String] = [:]
        for match in line.matches(of: /([A-Za-z_:]+)="([^"]*)"/) {
            result[String(match.output.1)] = String(match.output.2)
        }
        return result
    }

    private static func highestNumber(in text: String, prefix: String) -> Int {
        var highest = 0
        var rest = Substring(text)
        while let range = rest.range(of: "ID=\"\(prefix)") {
            let digits = rest[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
            highest = max(highest, Int(digits) ?? 0)
            rest = rest[range.upperBound...]
        }
        return highest
    }

    private static func unescape(_ value: String) -> String {
        value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// A METS document that `METSWriter.revise` cannot revise, and why.
public struct METSRevisionError: Error, Sendable, CustomStringConvertible {
    /// What is missing or unexpected.
    public var reason: String

    public var description: String {
        "mets.xml cannot be revised: \(reason); it was not written by sohoa, or it was edited by hand"
    }
}
