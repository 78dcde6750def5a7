import SohoaArchive
import SohoaCatalog

extension IIIFManifestBuilder {
    /// A canvas's label: the page's printed label ("Bìa", "iii", "5") when it has one, else its position.
    static func canvasLabel(_ page: IIIFCanvasPage, structure: ItemStructure) -> IIIFJSON {
        if let label = structure.label(ofPage: page.sequence), !label.isEmpty {
            return .languageMap([("none", label)])
        }
        return .languageMap([("vi", "Trang \(page.sequence)"), ("en", "Page \(page.sequence)")])
    }

    /// The table of contents as Presentation 3 Ranges: each section lists the canvases of its own
    /// pages before its first sub-section, then its sub-sections. Pages without a canvas are left out.
    func ranges(_ entries: [ContentsEntry], item: ItemRecord, pages: [IIIFCanvasPage]) -> [IIIFJSON] {
        var next = 1
        func build(_ list: [ContentsEntry]) -> [IIIFJSON] {
            list.compactMap { entry in
                let number = next
                next += 1
                let ownLast = entry.sections.first.map { min($0.firstPage - 1, entry.pages.upperBound) } ?? entry.pages.upperBound
                var items: [IIIFJSON] = pages.filter { $0.sequence >= entry.firstPage && $0.sequence <= ownLast }.map { page in
                    .object([
                        ("id", .string(links.resource(itemID: item.id, "canvas/\(page.pageID)"))), ("type", .string("Canvas")),
                    ])
                }
                items += build(entry.sections)
                guard !items.isEmpty else { return nil }
                return .object([
                    ("id", .string(links.resource(itemID: item.id, "range/\(number)"))),
                    ("type", .string("Range")),
                    ("label", .languageMap([("none", entry.title)])),
                    ("items", .array(items)),
                ])
            }
        }
        return build(entries)
    }
}
