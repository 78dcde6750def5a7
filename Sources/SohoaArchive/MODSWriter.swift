import SohoaText

/// Writes an item's description as MODS 3.8 for the METS `dmdSec`, from the same metadata as its Dublin Core.
enum MODSWriter {
    static let namespace = "http://www.loc.gov/mods/v3"
    static let schemaLocation = "http://www.loc.gov/mods/v3 http://www.loc.gov/standards/mods/v3/mods-3-8.xsd"

    /// ISO 639-2/B codes that sohoa items commonly carry; other codes are taken as ISO 639-3.
    private static let iso639_2b: Set<String> = [
        "vie", "eng", "fre", "chi", "ger", "rus", "jpn", "kor", "lao", "tha", "khm", "lat", "san", "pli", "und", "mul",
    ]

    /// The `mods:mods` element.
    static func element(_ dc: DublinCore, indent: String) -> String {
        var lines = ["<mods:mods version=\"3.8\">"]
        lines.append("  <mods:titleInfo>")
        lines.append("    <mods:title>\(XMLText.escape(dc.title))</mods:title>")
        lines.append("  </mods:titleInfo>")
        if let alternative = dc.alternativeTitle, !alternative.isEmpty {
            lines.append("  <mods:titleInfo type=\"alternative\">")
            lines.append("    <mods:title>\(XMLText.escape(alternative))</mods:title>")
            lines.append("  </mods:titleInfo>")
        }
        for (names, role) in [(dc.creators, "creator"), (dc.contributors, "contributor")] {
            for name in names where !name.isEmpty {
                lines.append("  <mods:name>")
                lines.append("    <mods:namePart>\(XMLText.escape(name))</mods:namePart>")
                lines.append("    <mods:role>")
                lines.append("      <mods:roleTerm type=\"text\" authority=\"marcrelator\">\(role)</mods:roleTerm>")
                lines.append("    </mods:role>")
                lines.append("  </mods:name>")
            }
        }
        if let type = resourceType(dc.type) { lines.append("  <mods:typeOfResource>\(type)</mods:typeOfResource>") }
        let publisher = dc.publisher.flatMap { $0.isEmpty ? nil : $0 }
        let date = dc.date.flatMap { $0.isEmpty ? nil : $0 }
        if publisher != nil || date != nil {
            lines.append("  <mods:originInfo>")
            if let publisher { lines.append("    <mods:publisher>\(XMLText.escape(publisher))</mods:publisher>") }
            if let date {
                let encoding = isW3CDTF(date) ? " encoding=\"w3cdtf\"" : ""
                lines.append("    <mods:dateIssued\(encoding)>\(XMLText.escape(date))</mods:dateIssued>")
            }
            lines.append("  </mods:originInfo>")
        }
        for code in dc.language where !code.isEmpty {
            let authority = iso639_2b.contains(code.lowercased()) ? "iso639-2b" : "iso639-3"
            lines.append("  <mods:language>")
            lines.append("    <mods:languageTerm type=\"code\" authority=\"\(authority)\">\(XMLText.escape(code))</mods:languageTerm>")
            lines.append("  </mods:language>")
        }
        lines.append("  <mods:physicalDescription>")
        if let format = dc.format, !format.isEmpty {
            lines.append("    <mods:internetMediaType>\(XMLText.escape(format))</mods:internetMediaType>")
        }
        lines.append("    <mods:digitalOrigin>reformatted digital</mods:digitalOrigin>")
        lines.append("  </mods:physicalDescription>")
        if let description = dc.description, !description.isEmpty {
            lines.append("  <mods:abstract>\(XMLText.escape(description))</mods:abstract>")
        }
        for subject in dc.subjects where !subject.isEmpty {
            lines.append("  <mods:subject>")
            lines.append("    <mods:topic>\(XMLText.escape(subject))</mods:topic>")
            lines.append("  </mods:subject>")
        }
        for place in dc.coverage where !place.isEmpty {
            lines.append("  <mods:subject>")
            lines.append("    <mods:geographic>\(XMLText.escape(place))</mods:geographic>")
            lines.append("  </mods:subject>")
        }
        if let serial = dc.serial { lines += serial.modsLines.map { "  " + $0 } }
        for identifier in dc.identifiers where !identifier.isEmpty {
            let type = identifier.hasPrefix("urn:") || identifier.contains("://") ? "uri" : "local"
            lines.append("  <mods:identifier type=\"\(type)\">\(XMLText.escape(identifier))</mods:identifier>")
        }
        if let source = dc.source, !source.isEmpty {
            lines.append("  <mods:note type=\"source\">\(XMLText.escape(source))</mods:note>")
        }
        if let rights = dc.rights, !rights.isEmpty {
            lines.append("  <mods:accessCondition type=\"use and reproduction\">\(XMLText.escape(rights))</mods:accessCondition>")
        }
        lines.append("</mods:mods>")
        return lines.map { indent + $0 + "\n" }.joined()
    }

    /// MODS `typeOfResource` for a DCMI type, when there is one.
    static func resourceType(_ dcType: String?) -> String? {
        switch dcType?.lowercased().replacingOccurrences(of: " ", with: "") {
        case "text": "text"
        case "image", "stillimage": "still image"
        case "sound": "sound recording"
        case "movingimage": "moving image"
        case "physicalobject": "three dimensional object"
        case "software": "software, multimedia"
        case "collection": "mixed material"
        default: nil
        }
    }

    private static func isW3CDTF(_ date: String) -> Bool {
        date.wholeMatch(of: /[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?/) != nil
    }
}
