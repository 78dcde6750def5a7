import Foundation

extension ItemStructure {
    /// The page labels (`ORDERLABEL`s of the physical structMap) and table of contents (the logical
    /// structMap, each section's pages from the structLink) of a METS document this project wrote;
    /// an empty structure when it has neither. Used to rebuild the catalog from an archived object.
    public init(mets: String) {
        var labels: [String?] = []
        var inLogical = false
        var links: [String: [Int]] = [:]
        // Open sections, innermost last: (METS id, section).
        var open: [(id: String, entry: ContentsEntry)] = []
        var finished: [String: ContentsEntry] = [:]
        var children: [String: [String]] = [:]
        var rootIDs: [String] = []
        for line in mets.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("<mets:div ID=\"PHYS_"), trimmed.contains(" TYPE=\"page\"") {
                labels.append(METSWriter.attributes(of: trimmed)["ORDERLABEL"].map(Self.unescape))
            } else if trimmed == "<mets:structMap TYPE=\"LOGICAL\">" {
                inLogical = true
            } else if inLogical, trimmed == "</mets:structMap>" {
                inLogical = false
            } else if inLogical, trimmed.hasPrefix("<mets:div ID=\"LOG_"), !trimmed.hasPrefix("<mets:div ID=\"LOG_0000\"") {
                let attributes = METSWriter.attributes(of: trimmed)
                let id = attributes["ID"] ?? ""
                if let parent = open.last { children[parent.id, default: []].append(id) } else { rootIDs.append(id) }
                let entry = ContentsEntry(
                    title: Self.unescape(attributes["LABEL"] ?? ""), type: Self.unescape(attributes["TYPE"] ?? "chapter"), firstPage: 0)
                open.append((id, entry))
            } else if inLogical, trimmed == "</mets:div>", let closing = open.popLast() {
                finished[closing.id] = closing.entry
            } else if let match = trimmed.wholeMatch(of: /<mets:smLink xlink:from="([^"]+)" xlink:to="PHYS_([0-9]+)"\/>/),
                let page = Int(match.output.2)
            {
                links[String(match.output.1), default: []].append(page)
            }
        }
        func build(_ id: String) -> ContentsEntry? {
            guard var entry = finished[id], let pages = links[id], let first = pages.min() else { return nil }
            entry.firstPage = first
            entry.lastPage = pages.max()
            entry.sections = (children[id] ?? []).compactMap(build)
            return entry
        }
        self.init(
            labels: labels.contains { $0 != nil } ? labels : [], contents: ItemContents(rootIDs.compactMap(build)))
    }

    private static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
