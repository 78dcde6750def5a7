import SohoaText

/// Writes MARC 21 records as MARCXML (the MARC 21 slim schema, 1.2): a `<collection>` document for
/// `sohoa export --format marcxml`, or one `<record>` element for OAI-PMH's `marc21` format. The
/// leader is the one `MARCWriter` writes, so both forms of a record say the same.
public enum MARCXMLWriter {
    /// The MARCXML namespace.
    public static let namespace = "http://www.loc.gov/MARC21/slim"
    /// Where the schema is published.
    public static let schema = "http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd"

    private static var declarations: String {
        "xmlns=\"\(namespace)\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
            + "xsi:schemaLocation=\"\(namespace) \(schema)\""
    }

    /// A complete document: every record in one `<collection>` (UTF-8, NFC).
    public static func collection(_ records: [MARCRecord]) -> String {
        collection(elements: records.map { element($0) }.joined())
    }

    /// A complete document around `<record>` elements made by `element(_:)`, for writing records one by one.
    public static func collection(elements: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<collection \(declarations)>\n" + elements + "</collection>\n"
    }

    /// One `<record>` element inside a `collection` (the namespace declared there).
    public static func element(_ record: MARCRecord) -> String {
        element(record, declaringNamespace: false)
    }

    /// One `<record>` element with its namespace and schema declared, for embedding (OAI-PMH `<metadata>`).
    public static func record(_ record: MARCRecord) -> String {
        element(record, declaringNamespace: true)
    }

    private static func element(_ record: MARCRecord, declaringNamespace: Bool) -> String {
        let leader = (try? MARCWriter.leader(for: record)) ?? record.leader
        var xml = declaringNamespace ? "<record \(declarations) type=\"Bibliographic\">\n" : "<record type=\"Bibliographic\">\n"
        xml += "  <leader>\(XMLText.escape(leader))</leader>\n"
        for (tag, value) in record.controlFields {
            xml += "  <controlfield tag=\"\(XMLText.attribute(tag))\">\(XMLText.escape(value))</controlfield>\n"
        }
        for field in record.dataFields {
            let indicators = Array(field.indicators)
            let ind1 = indicators.first.map(String.init) ?? " "
            let ind2 = indicators.count > 1 ? String(indicators[1]) : " "
            xml +=
                "  <datafield tag=\"\(XMLText.attribute(field.tag))\" ind1=\"\(XMLText.attribute(ind1))\" "
                + "ind2=\"\(XMLText.attribute(ind2))\">\n"
            for (code, value) in field.subfields {
                xml += "    <subfield code=\"\(XMLText.attribute(String(code)))\">\(XMLText.escape(value))</subfield>\n"
            }
            xml += "  </datafield>\n"
        }
        return xml + "</record>\n"
    }
}
