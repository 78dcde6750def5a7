import Foundation
import XCTest

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A strict XML parse of an XHTML page: fails on anything not well-formed; returns every element in order.
enum XHTMLCheck {
    struct Element {
        var name: String
        var attributes: [String: String]
    }

    final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var error: String?

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            elements.append(Element(name: name, attributes: attributes))
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            if error == nil { error = "line \(parser.lineNumber): \(parseError.localizedDescription)" }
        }
    }

    static func parse(_ data: Data) throws -> [Element] {
        let parser = XMLParser(data: data)
        let collector = Collector()
        parser.delegate = collector
        let ok = parser.parse()
        if !ok || collector.error != nil {
            XCTFail("the report is not well-formed XHTML: \(collector.error ?? parser.parserError.map { "\($0)" } ?? "?")")
        }
        return collector.elements
    }
}
