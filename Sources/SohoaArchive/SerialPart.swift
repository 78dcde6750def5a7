import Foundation
import SohoaText

/// What makes an item an issue of a serial (a newspaper or journal title), as the archive keeps it:
/// the title's id and name, and the issue's date, number and volume. Written as MODS
/// `relatedItem type="host"` with its `part`, and as `dc:relation` (the title's name and `serial:<id>`),
/// so a catalog rebuilt from the archive gets them back.
public struct SerialPart: Sendable, Codable, Equatable {
    /// The title's short id (`bao-lai-chau`).
    public var id: String
    /// The title's name (`Báo Lai Châu`), when known.
    public var title: String?
    /// The day the issue came out (W3CDTF: `1958-03-15`, `1958-03`, `1958`).
    public var issueDate: String?
    /// The issue's number as printed.
    public var issueNumber: String?
    /// The volume (or year of publication) as printed.
    public var volume: String?

    /// The prefix of the `dc:relation` that names the serial's id.
    public static let relationPrefix = "serial:"

    /// A serial part; empty strings count as absent, text is stored in NFC.
    public init(id: String, title: String? = nil, issueDate: String? = nil, issueNumber: String? = nil, volume: String? = nil) {
        func clean(_ text: String?) -> String? {
            guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
            return text.precomposedStringWithCanonicalMapping
        }
        self.id = id
        self.title = clean(title)
        self.issueDate = clean(issueDate)
        self.issueNumber = clean(issueNumber)
        self.volume = clean(volume)
    }

    /// The `dc:relation` values: the title's name (when known) and `serial:<id>`.
    public var relations: [String] {
        (title.map { [$0] } ?? []) + [Self.relationPrefix + id]
    }

    /// The MODS `relatedItem type="host"` lines (without indentation).
    var modsLines: [String] {
        var lines = ["<mods:relatedItem type=\"host\">"]
        if let title {
            lines += ["  <mods:titleInfo>", "    <mods:title>\(XMLText.escape(title))</mods:title>", "  </mods:titleInfo>"]
        }
        lines.append("  <mods:identifier type=\"local\">\(XMLText.escape(id))</mods:identifier>")
        if issueDate != nil || issueNumber != nil || volume != nil {
            lines.append("  <mods:part>")
            for (type, number) in [("volume", volume), ("issue", issueNumber)] {
                guard let number else { continue }
                lines += [
                    "    <mods:detail type=\"\(type)\">", "      <mods:number>\(XMLText.escape(number))</mods:number>",
                    "    </mods:detail>",
                ]
            }
            if let issueDate { lines.append("    <mods:date encoding=\"w3cdtf\">\(XMLText.escape(issueDate))</mods:date>") }
            lines.append("  </mods:part>")
        }
        lines.append("</mods:relatedItem>")
        return lines
    }

    /// The serial part a METS (or MODS) document names in its MODS `relatedItem type="host"`, or nil
    /// when it has none.
    public init?(mods document: String) {
        guard let start = document.range(of: "<mods:relatedItem type=\"host\">"),
            let end = document.range(of: "</mods:relatedItem>", range: start.upperBound..<document.endIndex)
        else { return nil }
        let host = String(document[start.upperBound..<end.lowerBound])
        func first(_ pattern: Regex<(Substring, Substring)>, in text: String) -> String? {
            text.firstMatch(of: pattern).map { Self.unescape(String($0.output.1)) }
        }
        guard let id = first(/<mods:identifier type="local">([^<]*)<\/mods:identifier>/, in: host) else { return nil }
        let part = host.range(of: "<mods:part>").map { String(host[$0.upperBound...]) } ?? ""
        self.init(
            id: id, title: first(/<mods:title>([^<]*)<\/mods:title>/, in: host),
            issueDate: first(/<mods:date[^>]*>([^<]*)<\/mods:date>/, in: part),
            issueNumber: first(/<mods:detail type="issue">\s*<mods:number>([^<]*)<\/mods:number>/, in: part),
            volume: first(/<mods:detail type="volume">\s*<mods:number>([^<]*)<\/mods:number>/, in: part))
    }

    /// The serial part `dc:relation` values name (`serial:<id>`, the title being the other relation),
    /// or nil when none names a serial. Dublin Core has no place for the issue's number or volume.
    public init?(relations: [String]) {
        guard let named = relations.first(where: { $0.hasPrefix(Self.relationPrefix) }) else { return nil }
        let others = relations.filter { !$0.hasPrefix(Self.relationPrefix) && !$0.hasPrefix("urn:") && !$0.contains("://") }
        self.init(id: String(named.dropFirst(Self.relationPrefix.count)), title: others.first)
    }

    private static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
