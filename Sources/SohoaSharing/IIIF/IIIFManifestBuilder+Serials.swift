import Foundation
import SohoaCatalog

extension IIIFManifestBuilder {
    /// The collection of a serial: a reference to each issue's manifest, in the order given (by
    /// date), labelled with the issue's number and date, and linking to the title page.
    public func collection(serial: String, title: String, issues: [ItemRecord]) -> IIIFJSON {
        .object([
            ("@context", .string(Self.context)),
            ("id", .string(links.collection(serial: serial))),
            ("type", .string("Collection")),
            ("label", .languageMap([("vi", title), ("en", title)])),
            (
                "summary",
                .languageMap([("vi", "Các số của \(title), theo ngày phát hành"), ("en", "The issues of \(title), by date")])
            ),
            (
                "requiredStatement",
                .object([
                    ("label", .languageMap([("vi", "Ghi công"), ("en", "Attribution")])),
                    ("value", .languageMap([("vi", repositoryName), ("en", repositoryName)])),
                ])
            ),
            (
                "homepage",
                .array([
                    .object([
                        ("id", .string(links.serialPage(serial: serial))), ("type", .string("Text")),
                        ("label", .languageMap([("vi", title), ("en", title)])), ("format", .string("text/html")),
                    ])
                ])
            ),
            (
                "items",
                .array(
                    issues.map { item in
                        IIIFJSON.object([
                            ("id", .string(links.manifest(itemID: item.id))), ("type", .string("Manifest")),
                            ("label", .languageMap(Self.issueLabel(item))),
                        ])
                    })
            ),
        ])
    }

    /// `partOf` entries for an issue: its serial's collection (none for other items).
    func serialPartOf(_ item: ItemRecord) -> [IIIFJSON] {
        guard let serial = item.serial else { return [] }
        var entry: [(String, IIIFJSON)] = [("id", .string(links.collection(serial: serial))), ("type", .string("Collection"))]
        if let title = item.serialTitle, !title.isEmpty { entry.append(("label", .languageMap([("vi", title), ("en", title)]))) }
        return [.object(entry)]
    }

    /// An issue's label: its title with its number and date in each language.
    private static func issueLabel(_ item: ItemRecord) -> [(String, String)] {
        func label(number: String, volume: String) -> String {
            var parts = [item.title ?? item.id]
            if let value = item.volume, !value.isEmpty { parts.append("\(volume) \(value)") }
            if let value = item.issueNumber, !value.isEmpty { parts.append("\(number) \(value)") }
            if let value = item.issueDate, !value.isEmpty { parts.append(value) }
            return parts.joined(separator: " · ")
        }
        return [("vi", label(number: "Số", volume: "Tập")), ("en", label(number: "No.", volume: "Vol."))]
    }
}
