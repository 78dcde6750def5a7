import Foundation
import SohoaArchive
import SohoaCatalog

extension BagImporter {
    /// The description an archived object carries: its Dublin Core (`dc` as `dublinCore(_:)` reads
    /// it) and, from the MODS in its METS, the serial it is an issue of (Dublin Core has no place for
    /// the issue's number and volume; its `dc:relation` names the serial when the METS does not).
    static func description(dc: [String: [String]], mets: String, library: String, itemID: String) -> ItemDescription {
        func one(_ name: String) -> String? { dc[name]?.first { !$0.isEmpty } }
        func joined(_ name: String) -> String? {
            let values = (dc[name] ?? []).filter { !$0.isEmpty }
            return values.isEmpty ? nil : values.joined(separator: "; ")
        }
        var description = ItemDescription(title: one("title") ?? itemID, libraryCode: library)
        description.alternativeTitle = (dc["title"] ?? []).dropFirst().first { !$0.isEmpty }
        description.creator = joined("creator")
        description.contributor = joined("contributor")
        description.date = one("date")
        description.type = one("type")
        description.languages = dc["language"] ?? []
        description.subjects = dc["subject"] ?? []
        description.description = one("description")
        description.holdingID = dc["identifier"]?.first { $0.hasPrefix("holding:") }.map { String($0.dropFirst("holding:".count)) }
        description.rights = one("rights")
        if let serial = SerialPart(mods: mets) ?? SerialPart(relations: dc["relation"] ?? []) {
            (description.serial, description.serialTitle, description.issueDate) = (serial.id, serial.title, serial.issueDate)
            (description.issueNumber, description.volume) = (serial.issueNumber, serial.volume)
        }
        return description
    }

    /// Dublin Core elements of an `oai_dc` document: local name → values in order.
    static func dublinCore(_ xml: String) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for match in xml.matches(of: /<dc:([a-zA-Z]+)>([^<]*)<\/dc:[a-zA-Z]+>/) {
            result[String(match.output.1), default: []].append(unescape(String(match.output.2)))
        }
        return result
    }

    /// The page names in order: from the METS physical structMap, else from the access, ALTO and text files.
    static func pageNames(mets: String, payload: [String]) -> [String] {
        var ordered: [(order: Int, name: String)] = []
        for match in mets.matches(of: /TYPE="page" ORDER="([0-9]+)"(?: ORDERLABEL="[^"]*")? LABEL="([^"]*)"/) {
            ordered.append((Int(match.output.1) ?? 0, unescape(String(match.output.2))))
        }
        if !ordered.isEmpty { return ordered.sorted { $0.order < $1.order }.map(\.name) }
        var names = Set<String>()
        for path in payload {
            for (prefix, suffix) in [("access/", ".png"), ("alto/", ".xml"), ("text/", ".txt")]
            where path.hasPrefix(prefix) && path.hasSuffix(suffix) {
                names.insert(String(path.dropFirst(prefix.count).dropLast(suffix.count)))
            }
        }
        return names.sorted { NaturalOrder.areInIncreasingOrder($0, $1) }
    }

    /// The master file of a page (`masters/<name>.<ext>`, or the multi-page file of `<stem>-p0003`).
    static func master(of name: String, payload: [String: URL]) -> (path: String, url: URL, frame: Int?)? {
        let masters = payload.filter { $0.key.hasPrefix("masters/") }
        func stem(_ path: String) -> String {
            let file = String(path.dropFirst("masters/".count))
            guard let dot = file.lastIndex(of: ".") else { return file }
            return String(file[..<dot])
        }
        if let found = masters.first(where: { stem($0.key) == name }) { return (found.key, found.value, nil) }
        if let match = name.wholeMatch(of: /(.+)-p([0-9]{4})/), let frame = Int(match.output.2),
            let found = masters.first(where: { stem($0.key) == String(match.output.1) })
        {
            return (found.key, found.value, frame - 1)
        }
        return nil
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
