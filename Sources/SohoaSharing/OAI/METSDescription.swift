/// Takes the MODS description out of a METS document (the `mods` element of its dmdSec), as a
/// standalone element: the namespace declarations of the METS root are copied onto it.
enum METSDescription {
    static let modsNamespace = "http://www.loc.gov/mods/v3"

    /// The `<…:mods>` element of `mets`, or nil when there is none.
    static func mods(in mets: String) -> String? {
        let declarations = rootDeclarations(mets)
        guard let prefix = declarations.first(where: { $0.uri == modsNamespace && !$0.prefix.isEmpty })?.prefix
        else { return nil }
        let open = "<\(prefix):mods"
        let close = "</\(prefix):mods>"
        var searchStart = mets.startIndex
        while let start = mets.range(of: open, range: searchStart..<mets.endIndex) {
            let next = start.upperBound < mets.endIndex ? mets[start.upperBound] : ">"
            guard next == " " || next == ">" || next == "\n" || next == "\t" || next == "\r" else {
                searchStart = start.upperBound
                continue
            }
            guard let end = mets.range(of: close, range: start.upperBound..<mets.endIndex) else { return nil }
            var element = String(mets[start.lowerBound..<end.upperBound])
            let startTag = element.prefix { $0 != ">" }
            let missing = declarations.filter { !startTag.contains($0.attributeName + "=") }
            let added = missing.map { " \($0.attributeName)=\"\($0.uri)\"" }.joined()
            element.insert(contentsOf: added, at: element.index(element.startIndex, offsetBy: open.count))
            return element
        }
        return nil
    }

    /// A namespace declaration: `xmlns:prefix="uri"` (empty prefix for the default namespace).
    struct Declaration: Equatable {
        var prefix: String
        var uri: String
        var attributeName: String { prefix.isEmpty ? "xmlns" : "xmlns:\(prefix)" }
    }

    /// The namespace declarations on the document's root element.
    static func rootDeclarations(_ xml: String) -> [Declaration] {
        var rest = Substring(xml)
        // Skip the XML declaration, comments and processing instructions before the root.
        while let open = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: open)...]
            if after.hasPrefix("?") || after.hasPrefix("!") {
                guard let close = after.firstIndex(of: ">") else { return [] }
                rest = after[after.index(after: close)...]
                continue
            }
            guard let close = after.firstIndex(of: ">") else { return [] }
            let tag = after[..<close]
            return tag.matches(of: /xmlns(?::([A-Za-z_][A-Za-z0-9_.\-]*))?\s*=\s*(?:"([^"]*)"|'([^']*)')/).map {
                Declaration(prefix: String($0.1 ?? ""), uri: String($0.2 ?? $0.3 ?? ""))
            }
        }
        return []
    }
}
