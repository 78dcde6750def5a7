import Foundation
import SohoaArchive
import SohoaText

/// The few pieces of XML that reading and revising sohoa's ALTO need: attributes of a tag, and text
/// escaped for and unescaped from attribute values.
enum ALTOMarkup {
    /// The attributes of a start tag's inside (`ID="x" CONTENT="a &amp; b"`), values unescaped.
    static func attributes(in tag: String) -> [String: String] {
        var result: [String: String] = [:]
        for match in tag.matches(of: /([A-Za-z_:][A-Za-z0-9_:.-]*)\s*=\s*"([^"]*)"/) {
            result[String(match.output.1)] = unescape(String(match.output.2))
        }
        return result
    }

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

    /// An attribute value with the five named entities and numeric character references replaced.
    static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";"), rest.distance(from: amp, to: semicolon) <= 10 else {
                out += "&"
                rest = rest[rest.index(after: amp)...]
                continue
            }
            let name = rest[rest.index(after: amp)..<semicolon]
            if let replacement = entity(String(name)) {
                out += replacement
            } else {
                out += rest[amp...semicolon]
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return out + rest
    }

    private static func entity(_ name: String) -> String? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            let value: UInt32?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                value = UInt32(name.dropFirst(2), radix: 16)
            } else if name.hasPrefix("#") {
                value = UInt32(name.dropFirst())
            } else {
                value = nil
            }
            return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
    }
}
