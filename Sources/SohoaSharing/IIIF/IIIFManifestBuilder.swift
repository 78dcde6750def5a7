import Foundation
import SohoaArchive
import SohoaCatalog

/// Builds IIIF Presentation 3.0 manifests and collections of archived items: labels and metadata as
/// Vietnamese and English language maps, rights and attribution, a canvas per page painted by the
/// Image API service, `seeAlso` links to ALTO and hOCR, and the OCR text as `supplementing`
/// annotations (a line per annotation, targeted with `#xywh`).
public struct IIIFManifestBuilder: Sendable {
    /// The Presentation 3 JSON-LD context.
    public static let context = "http://iiif.io/api/presentation/3/context.json"
    /// The rights statement used when an item's metadata gives no usable `rights` URI: In Copyright.
    public static let defaultRights = "http://rightsstatements.org/vocab/InC/1.0/"

    public var links: IIIFLinks
    /// Who provides the items, for the required statement (the repository's name).
    public var repositoryName: String
    /// The rights URI of items whose metadata gives none (the library's or collection's default
    /// from `server.yaml`); nil: `defaultRights`.
    public var fallbackRights: String?

    public init(links: IIIFLinks, repositoryName: String) {
        self.links = links
        self.repositoryName = repositoryName
    }

    /// The manifest of `item` with a canvas per page, in the order given; canvases are labelled with
    /// the pages' printed labels and the table of contents becomes `structures` when `structure` has them.
    public func manifest(item: ItemRecord, pages: [IIIFCanvasPage], structure: ItemStructure = ItemStructure()) -> IIIFJSON {
        let metadata = Self.descriptiveMetadata(item)
        let language = Self.valueLanguage(item)
        var members: [(String, IIIFJSON)] = [
            ("@context", .string(Self.context)),
            ("id", .string(links.manifest(itemID: item.id))),
            ("type", .string("Manifest")),
            ("label", .languageMap([(language, item.title ?? item.id)])),
        ]
        if let description = metadata["description"] as? String, !description.isEmpty {
            members.append(("summary", .languageMap([(language, description)])))
        }
        members.append(("metadata", .array(metadataEntries(item, language: language))))
        members.append(("rights", .string(Self.rights(metadata["rights"] as? String ?? fallbackRights))))
        members.append(
            (
                "requiredStatement",
                .object([
                    ("label", .languageMap([("vi", "Ghi công"), ("en", "Attribution")])),
                    (
                        "value",
                        .languageMap([
                            ("vi", "\(repositoryName), thư viện \(item.libraryCode)"),
                            ("en", "\(repositoryName), library \(item.libraryCode)"),
                        ])
                    ),
                ])
            ))
        if let first = pages.first { members.append(("thumbnail", .array([thumbnail(first)]))) }
        members.append(
            (
                "homepage",
                .array([
                    .object([
                        ("id", .string(links.itemPage(itemID: item.id))), ("type", .string("Text")),
                        ("label", .languageMap([("vi", "Trang tài liệu"), ("en", "Item page")])), ("format", .string("text/html")),
                    ])
                ])
            ))
        members.append(
            (
                "partOf",
                .array(
                    [.object([("id", .string(links.collection(libraryCode: item.libraryCode))), ("type", .string("Collection"))])]
                        + serialPartOf(item))
            ))
        members.append(("items", .array(pages.map { canvas($0, item: item, language: language, structure: structure) })))
        let ranges = self.ranges(structure.contents.entries, item: item, pages: pages)
        if !ranges.isEmpty { members.append(("structures", .array(ranges))) }
        return .object(members)
    }

    /// The collection of a library: a reference to each item's manifest, in the order given.
    public func collection(libraryCode: String, items: [ItemRecord]) -> IIIFJSON {
        .object([
            ("@context", .string(Self.context)),
            ("id", .string(links.collection(libraryCode: libraryCode))),
            ("type", .string("Collection")),
            (
                "label",
                .languageMap([("vi", "Tài liệu số của thư viện \(libraryCode)"), ("en", "Digitized items of library \(libraryCode)")])
            ),
            (
                "requiredStatement",
                .object([
                    ("label", .languageMap([("vi", "Ghi công"), ("en", "Attribution")])),
                    ("value", .languageMap([("vi", repositoryName), ("en", repositoryName)])),
                ])
            ),
            (
                "items",
                .array(
                    items.map { item in
                        IIIFJSON.object([
                            ("id", .string(links.manifest(itemID: item.id))), ("type", .string("Manifest")),
                            ("label", .languageMap([(Self.valueLanguage(item), item.title ?? item.id)])),
                        ])
                    })
            ),
        ])
    }

    // MARK: - Canvases

    private func canvas(_ page: IIIFCanvasPage, item: ItemRecord, language: String, structure: ItemStructure) -> IIIFJSON {
        let canvasID = links.resource(itemID: item.id, "canvas/\(page.pageID)")
        let painting: IIIFJSON = .object([
            ("id", .string(links.resource(itemID: item.id, "annotation/\(page.pageID)-image"))),
            ("type", .string("Annotation")),
            ("motivation", .string("painting")),
            (
                "body",
                .object([
                    ("id", .string(links.fullImage(pageID: page.pageID))),
                    ("type", .string("Image")),
                    ("format", .string("image/jpeg")),
                    ("width", .int(page.width)),
                    ("height", .int(page.height)),
                    ("service", .array([imageService(page)])),
                ])
            ),
            ("target", .string(canvasID)),
        ])
        var members: [(String, IIIFJSON)] = [
            ("id", .string(canvasID)),
            ("type", .string("Canvas")),
            ("label", Self.canvasLabel(page, structure: structure)),
            ("width", .int(page.width)),
            ("height", .int(page.height)),
            ("thumbnail", .array([thumbnail(page)])),
        ]
        var seeAlso: [IIIFJSON] = []
        if page.hasALTO {
            seeAlso.append(
                .object([
                    ("id", .string(links.alto(itemID: item.id, pageName: page.name))), ("type", .string("Dataset")),
                    ("label", .languageMap([("vi", "Văn bản OCR (ALTO)"), ("en", "OCR text (ALTO)")])),
                    ("format", .string("application/xml")), ("profile", .string("http://www.loc.gov/standards/alto/v4/alto.xsd")),
                ]))
        }
        if page.hasHOCR {
            seeAlso.append(
                .object([
                    ("id", .string(links.hocr(itemID: item.id, pageName: page.name))), ("type", .string("Text")),
                    ("label", .languageMap([("vi", "Văn bản OCR (hOCR)"), ("en", "OCR text (hOCR)")])),
                    ("format", .string("text/vnd.hocr+html")), ("profile", .string("http://kba.github.io/hocr-spec/1.2/")),
                ]))
        }
        if !seeAlso.isEmpty { members.append(("seeAlso", .array(seeAlso))) }
        members.append(
            (
                "items",
                .array([
                    .object([
                        ("id", .string(links.resource(itemID: item.id, "page/\(page.pageID)/image"))), ("type", .string("AnnotationPage")),
                        ("items", .array([painting])),
                    ])
                ])
            ))
        let text = textAnnotations(page, item: item, canvasID: canvasID, language: language)
        if !text.isEmpty {
            members.append(
                (
                    "annotations",
                    .array([
                        .object([
                            ("id", .string(links.resource(itemID: item.id, "page/\(page.pageID)/text"))),
                            ("type", .string("AnnotationPage")),
                            ("items", .array(text)),
                        ])
                    ])
                ))
        }
        return .object(members)
    }

    private func textAnnotations(_ page: IIIFCanvasPage, item: ItemRecord, canvasID: String, language: String) -> [IIIFJSON] {
        func annotation(_ number: Int, _ text: String, target: String) -> IIIFJSON {
            var body: [(String, IIIFJSON)] = [
                ("type", .string("TextualBody")), ("value", .string(text)), ("format", .string("text/plain")),
            ]
            if language != "none" { body.append(("language", .string(language))) }
            return .object([
                ("id", .string(links.resource(itemID: item.id, "annotation/\(page.pageID)-text-\(number)"))),
                ("type", .string("Annotation")),
                ("motivation", .string("supplementing")),
                ("body", .object(body)),
                ("target", .string(target)),
            ])
        }
        if !page.lines.isEmpty {
            return page.lines.enumerated().map { index, line in
                annotation(index + 1, line.text, target: "\(canvasID)#xywh=\(line.x),\(line.y),\(line.width),\(line.height)")
            }
        }
        if let text = page.text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty {
            return [annotation(1, text, target: canvasID)]
        }
        return []
    }

    private func imageService(_ page: IIIFCanvasPage) -> IIIFJSON {
        .object([
            ("id", .string(links.imageService(pageID: page.pageID))),
            ("type", .string("ImageService3")),
            ("profile", .string(IIIFImageInfo.profile)),
        ])
    }

    /// A small image of the page (200 pixels wide, or the page's width when smaller).
    private func thumbnail(_ page: IIIFCanvasPage) -> IIIFJSON {
        let width = min(200, page.width)
        let height = max(1, Int((Double(page.height) * Double(width) / Double(max(1, page.width))).rounded()))
        return .object([
            ("id", .string("\(links.imageService(pageID: page.pageID))/full/\(width),/0/default.jpg")),
            ("type", .string("Image")),
            ("format", .string("image/jpeg")),
            ("width", .int(width)),
            ("height", .int(height)),
            ("service", .array([imageService(page)])),
        ])
    }

    // MARK: - Descriptive metadata

    private func metadataEntries(_ item: ItemRecord, language: String) -> [IIIFJSON] {
        func entry(_ vi: String, _ en: String, _ value: IIIFJSON) -> IIIFJSON {
            .object([("label", .languageMap([("vi", vi), ("en", en)])), ("value", value)])
        }
        func text(_ value: String) -> IIIFJSON { .languageMap([(language, value)]) }
        var entries: [IIIFJSON] = []
        if let title = item.title { entries.append(entry("Nhan đề", "Title", text(title))) }
        if let creator = item.creator { entries.append(entry("Tác giả", "Creator", text(creator))) }
        if let date = item.date { entries.append(entry("Thời gian", "Date", .languageMap([("none", date)]))) }
        if let codes = item.language, !codes.isEmpty {
            let names = codes.split(separator: "+").map { Self.languageName(String($0)) }
            entries.append(
                entry(
                    "Ngôn ngữ", "Language",
                    .languageMap([("vi", names.map(\.vi).joined(separator: ", ")), ("en", names.map(\.en).joined(separator: ", "))])))
        }
        if let type = item.type { entries.append(entry("Loại tài liệu", "Type", text(type))) }
        if let subject = item.subject { entries.append(entry("Chủ đề", "Subject", text(subject))) }
        if let holding = item.holdingID { entries.append(entry("Mã tài liệu", "Holding ID", .languageMap([("none", holding)]))) }
        entries.append(entry("Thư viện", "Library", .languageMap([("none", item.libraryCode)])))
        entries.append(entry("Mã định danh", "Identifier", .languageMap([("none", item.objectID)])))
        entries.append(entry("Số trang", "Pages", .languageMap([("none", String(item.pageCount))])))
        return entries
    }

    /// The BCP 47 language of the item's descriptive values: `vi` for Vietnamese items, `none` otherwise.
    static func valueLanguage(_ item: ItemRecord) -> String {
        let first = item.language?.split(separator: "+").first.map(String.init) ?? "vie"
        switch first {
        case "vie": return "vi"
        case "eng": return "en"
        case "fra", "fre": return "fr"
        default: return "none"
        }
    }

    private static func languageName(_ code: String) -> (vi: String, en: String) {
        switch code {
        case "vie": ("Tiếng Việt", "Vietnamese")
        case "eng": ("Tiếng Anh", "English")
        case "fra", "fre": ("Tiếng Pháp", "French")
        case "blt": ("Tiếng Thái Đen", "Tai Dam")
        case "chi", "zho", "chi_tra", "chi_sim": ("Chữ Hán", "Chinese")
        case "none": ("Không có chữ", "No text")
        default: (code, code)
        }
    }

    /// The item's descriptive metadata as staff gave it (`items.metadataJSON`), or empty.
    private static func descriptiveMetadata(_ item: ItemRecord) -> [String: Any] {
        guard let json = item.metadataJSON, let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        else { return [:] }
        return object
    }

    /// The rights URI of an item: its metadata's `rights` when that is a Creative Commons or
    /// RightsStatements.org URI (the ones IIIF allows; `https` is written as `http`), else In Copyright.
    public static func rights(_ given: String?) -> String {
        guard var uri = given?.trimmingCharacters(in: .whitespacesAndNewlines) else { return defaultRights }
        if uri.hasPrefix("https://") { uri = "http://" + uri.dropFirst("https://".count) }
        let allowed = [
            "http://creativecommons.org/licenses/", "http://creativecommons.org/publicdomain/", "http://rightsstatements.org/vocab/",
        ]
        guard allowed.contains(where: { uri.hasPrefix($0) && uri.count > $0.count }), !uri.contains(where: \.isWhitespace) else {
            return defaultRights
        }
        return uri
    }
}
