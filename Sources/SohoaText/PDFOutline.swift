/// The objects of a PDF outline (bookmarks, ISO 32000-1 §12.3.3): the outline dictionary and one
/// item per entry, each opening its page fitted in the window.
public struct PDFOutline: Sendable {
    /// Object number and body of each outline object; the first is the outline dictionary.
    public private(set) var objects: [(number: Int, body: String)] = []

    /// The objects for `entries`, numbered from `first`; `pageObjects[i]` is page i+1's object number.
    /// Entries pointing past the last page open the last page.
    public init(_ entries: [PDFOutlineEntry], first: Int, pageObjects: [Int]) {
        var next = first + 1
        var bodies: [Int: String] = [:]
        func place(_ list: [PDFOutlineEntry], parent: Int) -> (first: Int, last: Int, count: Int)? {
            guard !list.isEmpty else { return nil }
            let numbers = list.map { _ -> Int in
                defer { next += 1 }
                return next
            }
            var count = list.count
            for (index, entry) in list.enumerated() {
                let number = numbers[index]
                let page = pageObjects[min(max(entry.page, 1), pageObjects.count) - 1]
                var body = "<< /Title \(PDFText.string(entry.title)) /Parent \(parent) 0 R"
                if index > 0 { body += " /Prev \(numbers[index - 1]) 0 R" }
                if index + 1 < numbers.count { body += " /Next \(numbers[index + 1]) 0 R" }
                if let children = place(entry.children, parent: number) {
                    body += " /First \(children.first) 0 R /Last \(children.last) 0 R /Count \(children.count)"
                    count += children.count
                }
                body += " /Dest [ \(page) 0 R /Fit ] >>"
                bodies[number] = body
            }
            return (numbers[0], numbers[numbers.count - 1], count)
        }
        guard !entries.isEmpty, !pageObjects.isEmpty, let top = place(entries, parent: first) else { return }
        objects.append((first, "<< /Type /Outlines /First \(top.first) 0 R /Last \(top.last) 0 R /Count \(top.count) >>"))
        for number in bodies.keys.sorted() { objects.append((number, bodies[number] ?? "")) }
    }

    /// The document catalog naming page tree `pages`, the `/PageLabels` of `labels` (when any is set)
    /// and `outline` (when it has entries), and the XMP metadata stream object `metadata` (when given).
    public static func catalog(
        pages: Int, labels: [String?], pageCount: Int, outline: PDFOutline, metadata: Int? = nil, outputIntent: Int? = nil
    ) -> String {
        var catalog = "<< /Type /Catalog /Pages \(pages) 0 R"
        if let metadata { catalog += " /Metadata \(metadata) 0 R" }
        if let outputIntent { catalog += " /OutputIntents [ \(outputIntent) 0 R ]" }
        if labels.contains(where: { $0 != nil }) {
            let all = (0..<pageCount).map { $0 < labels.count ? labels[$0] : nil }
            catalog += " /PageLabels \(PDFPageLabels.dictionary(all))"
        }
        if let root = outline.objects.first { catalog += " /Outlines \(root.number) 0 R /PageMode /UseOutlines" }
        return catalog + " >>"
    }
}
