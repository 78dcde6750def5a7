import Foundation

/// A PDF's XMP metadata packet (ISO 16684-1), referenced by the document catalog's `/Metadata`: the
/// title, the creators, the rights statement's label (`dc:rights`, Vietnamese first, English too)
/// and URI (`xmpRights:WebStatement`), and whether the work is under copyright (`xmpRights:Marked`).
/// Kept apart from the writers so that any of them (the searchable PDF, its incremental updates, a
/// PDF/A writer) writes the same packet.
public struct PDFXMPMetadata: Sendable, Equatable {
    public var title: String
    public var creators: [String]
    /// The rights statement's label in Vietnamese (`dc:rights`, `x-default` and `vi`).
    public var rightsLabel: String?
    /// The rights statement's label in English (`dc:rights`, `en`).
    public var rightsLabelEnglish: String?
    /// The rights statement's URI (`xmpRights:WebStatement`).
    public var rightsURI: String?
    /// `true` for a work under copyright, `false` for one in the public domain, `nil` when unknown.
    public var marked: Bool?
    /// The software that wrote the PDF (`pdf:Producer`).
    public var producer: String?
    /// When the PDF was written (`xmp:CreateDate`, equal to the document information's `/CreationDate`).
    public var created: Date?
    /// When the PDF was last changed (`xmp:ModifyDate`, equal to the document information's `/ModDate`).
    public var modified: Date?
    /// The PDF/A part the file claims (`pdfaid:part`, conformance level B), `nil` for none.
    public var pdfaPart: Int?

    /// Metadata with a title; the rest empty.
    public init(
        title: String, creators: [String] = [], rightsLabel: String? = nil, rightsLabelEnglish: String? = nil, rightsURI: String? = nil,
        marked: Bool? = nil, producer: String? = nil
    ) {
        self.title = title
        self.creators = creators
        self.rightsLabel = rightsLabel
        self.rightsLabelEnglish = rightsLabelEnglish
        self.rightsURI = rightsURI
        self.marked = marked
        self.producer = producer
    }

    /// The XMP packet (UTF-8, NFC), with padding so a reader may update it in place.
    public var packet: String {
        func alternatives(_ values: [(language: String, text: String?)]) -> String {
            let items = values.compactMap { value in
                value.text.map { "<rdf:li xml:lang=\"\(value.language)\">\(XMLText.escape($0))</rdf:li>" }
            }
            return "<rdf:Alt>" + items.joined() + "</rdf:Alt>"
        }
        var lines = [
            "<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>",
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">",
            " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">",
            "  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                + " xmlns:xmpRights=\"http://ns.adobe.com/xap/1.0/rights/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\""
                + " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">",
            "   <dc:format>application/pdf</dc:format>",
            "   <dc:title>\(alternatives([("x-default", title)]))</dc:title>",
        ]
        let creators = creators.filter { !$0.isEmpty }
        if !creators.isEmpty {
            lines.append(
                "   <dc:creator><rdf:Seq>" + creators.map { "<rdf:li>\(XMLText.escape($0))</rdf:li>" }.joined() + "</rdf:Seq></dc:creator>")
        }
        if let label = rightsLabel ?? rightsURI {
            lines.append(
                "   <dc:rights>\(alternatives([("x-default", label), ("vi", rightsLabel), ("en", rightsLabelEnglish)]))</dc:rights>")
        }
        if let marked { lines.append("   <xmpRights:Marked>\(marked ? "True" : "False")</xmpRights:Marked>") }
        if let rightsURI { lines.append("   <xmpRights:WebStatement>\(XMLText.escape(rightsURI))</xmpRights:WebStatement>") }
        if let producer { lines.append("   <pdf:Producer>\(XMLText.escape(producer))</pdf:Producer>") }
        if let created { lines.append("   <xmp:CreateDate>\(Self.xmpDate(created))</xmp:CreateDate>") }
        if let modified { lines.append("   <xmp:ModifyDate>\(Self.xmpDate(modified))</xmp:ModifyDate>") }
        if let pdfaPart { lines += ["   <pdfaid:part>\(pdfaPart)</pdfaid:part>", "   <pdfaid:conformance>B</pdfaid:conformance>"] }
        lines += ["  </rdf:Description>", " </rdf:RDF>", "</x:xmpmeta>"]
        lines += Array(repeating: String(repeating: " ", count: 99), count: 10)
        lines.append("<?xpacket end=\"w\"?>")
        return lines.joined(separator: "\n")
    }

    /// The metadata stream object's body (dictionary and uncompressed stream, as PDF/A asks).
    public var streamObject: [UInt8] {
        let data = Array(packet.utf8)
        return Array("<< /Type /Metadata /Subtype /XML /Length \(data.count) >>\nstream\n".utf8) + data + Array("\nendstream\n".utf8)
    }

    /// `YYYY-MM-DDThh:mm:ssZ` in UTC, the XMP form of the PDF date `pdfDate(_:)` gives.
    public static func xmpDate(_ date: Date) -> String {
        let c = utcComponents(date)
        return "\(c[0])-\(c[1])-\(c[2])T\(c[3]):\(c[4]):\(c[5])Z"
    }

    /// `D:YYYYMMDDHHmmSSZ` in UTC, the document information's form of `xmpDate(_:)`.
    public static func pdfDate(_ date: Date) -> String {
        "D:" + utcComponents(date).joined() + "Z"
    }

    /// Reads back a date `xmpDate(_:)` wrote.
    public static func date(xmp text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }

    /// Year, month, day, hour, minute, second in UTC, zero-padded.
    private static func utcComponents(_ date: Date) -> [String] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String {
            let v = value ?? 0
            return v < 10 ? "0\(v)" : "\(v)"
        }
        return [String(c.year ?? 1970), two(c.month), two(c.day), two(c.hour), two(c.minute), two(c.second)]
    }
}
