import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads MARCXML (`<collection>`/`<record>` in the MARC 21 slim schema) with Foundation's `XMLParser`.
/// A file that stops being well-formed keeps the records read before the error; the error is reported
/// with its line.
final class MARCXMLReader: NSObject, XMLParserDelegate {
    private var records: [MARCRecord] = []
    private var recordLines: [Int] = []
    private var current: MARCRecord?
    private var field: MARCRecord.DataField?
    private var controlTag: String?
    private var subfieldCode: Character?
    private var text = ""
    private weak var parser: XMLParser?
    private var failure: (line: Int, message: String)?

    /// The records of `data` with the line each starts on, and the parse error if the XML breaks off.
    /// `data` must come from `XMLPreflight.utf8(_:)`: `XMLParser` crashes on some other inputs.
    static func read(_ data: Data) -> (records: [(line: Int, record: MARCRecord)], error: (line: Int, message: String)?) {
        let reader = MARCXMLReader()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = reader
        reader.parser = parser
        let ok = parser.parse()
        let records = zip(reader.recordLines, reader.records).map { (line: $0, record: $1) }
        if let failure = reader.failure { return (records, failure) }
        if ok { return (records, nil) }
        let message = parser.parserError.map { "\($0.localizedDescription)" } ?? "not well-formed XML"
        return (records, (parser.lineNumber, message))
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if failure == nil { failure = (parser.lineNumber, "\(parseError.localizedDescription)") }
        parser.abortParsing()
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        text = ""
        switch name {
        case "record":
            current = MARCRecord(leader: "")
            recordLines.append(parser.lineNumber)
        case "controlfield": controlTag = attributes["tag"] ?? ""
        case "datafield":
            field = .init(
                tag: attributes["tag"] ?? "", indicators: (attributes["ind1"] ?? " ") + (attributes["ind2"] ?? " "), subfields: [])
        case "subfield": subfieldCode = attributes["code"]?.first ?? " "
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        let value = text.precomposedStringWithCanonicalMapping
        switch name {
        case "leader": current?.leader = value
        case "controlfield":
            if let tag = controlTag { current?.controlFields.append((tag, value)) }
            controlTag = nil
        case "subfield":
            if let code = subfieldCode { field?.subfields.append((code, value)) }
            subfieldCode = nil
        case "datafield":
            if let field { current?.dataFields.append(field) }
            field = nil
        case "record":
            if let current, failure == nil, field == nil { records.append(current) }
            current = nil
        default: break
        }
        text = ""
    }
}
