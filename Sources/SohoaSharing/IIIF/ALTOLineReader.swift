import Foundation
import SohoaArchive

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads the text lines of an ALTO file (`TextLine` boxes and the `CONTENT` of their `String`s,
/// in master pixels as sohoa writes them).
public final class ALTOLineReader: NSObject, XMLParserDelegate {
    private var lines: [IIIFTextLine] = []
    private var current: IIIFTextLine?
    private var words: [String] = []

    /// The lines of the ALTO document in `data`, in reading order; lines without text are left out.
    /// Throws `serverError` when the XML cannot be parsed.
    public static func lines(in data: Data) throws(IIIFError) -> [IIIFTextLine] {
        let utf8: Data
        do { utf8 = try XMLPreflight.utf8(data) } catch {
            throw IIIFError(.serverError, "the page's text (ALTO) cannot be read", detail: "the ALTO file \(error.reason)")
        }
        let reader = ALTOLineReader()
        let parser = XMLParser(data: utf8)
        parser.delegate = reader
        guard parser.parse(), parser.parserError == nil else {
            throw IIIFError(
                .serverError, "the page's text (ALTO) cannot be read",
                detail: "ALTO XML error: \(parser.parserError.map { "\($0)" } ?? "unknown XML error")")
        }
        return reader.lines
    }

    public func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch Self.localName(elementName) {
        case "TextLine":
            current = IIIFTextLine(
                text: "", x: Self.number(attributes["HPOS"]), y: Self.number(attributes["VPOS"]),
                width: Self.number(attributes["WIDTH"]), height: Self.number(attributes["HEIGHT"]))
            words = []
        case "String":
            if current != nil, let content = attributes["CONTENT"], !content.isEmpty { words.append(content) }
        default:
            break
        }
    }

    public func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard Self.localName(elementName) == "TextLine", var line = current else { return }
        line.text = words.joined(separator: " ").precomposedStringWithCanonicalMapping
        if !line.text.isEmpty, line.width > 0, line.height > 0 { lines.append(line) }
        current = nil
    }

    private static func localName(_ name: String) -> Substring {
        name.split(separator: ":").last ?? Substring(name)
    }

    private static func number(_ text: String?) -> Int {
        text.flatMap(Double.init).map { Int($0.rounded()) } ?? 0
    }
}
