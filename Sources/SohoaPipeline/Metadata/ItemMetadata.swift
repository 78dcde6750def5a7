import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaCollection

/// Descriptive metadata of an item as staff give it in `item.yaml` or a row of `items.csv`.
public struct ItemMetadata: Sendable, Equatable, Codable {
    public var title: String?
    public var creator: String?
    public var date: String?
    /// Language codes (`vie`, `eng`, `none`, `blt`…); the first model-less one makes the item image-only.
    public var languages: [String] = []
    public var type: String?
    public var subject: [String] = []
    public var holdingID: String?
    public var libraryCode: String?
    public var description: String?
    /// Who may see the item once it is served (`access: restricted`); `nil` leaves the catalog's level as it is.
    public var access: AccessLevel?
    public var alternativeTitle: String?
    public var contributor: String?
    /// A RightsStatements.org or Creative Commons URI (`RightsStatement.uri`); `nil`: the archive's default.
    public var rights: String?
    /// Page-label rules (`pagination:` in `item.yaml`).
    public var pagination: PageLabelRules?
    /// The table of contents (`contents:` in `item.yaml`, or `contents.csv` in the item folder).
    public var contents: ItemContents?
    /// The id of the serial (newspaper, journal) this item is an issue of, e.g. `bao-lai-chau`.
    public var serial: String?
    /// The serial's title, given on at least one of its issues.
    public var serialTitle: String?
    /// The day the issue came out (W3CDTF: `1958-03-15`, `1958-03`, `1958`).
    public var issueDate: String?
    public var issueNumber: String?
    public var volume: String?
    /// `true` when the title was made from the folder name because no metadata was given.
    public var titleFromFolderName = false

    public init() {}

    /// Keys staff may write, in `item.yaml` and as `items.csv` headers (Vietnamese headers too).
    static let keyAliases: [String: String] = [
        "title": "title", "nhan-de": "title", "nhan đề": "title", "tiêu đề": "title", "tieu-de": "title",
        "creator": "creator", "tac-gia": "creator", "tác giả": "creator",
        "date": "date", "nam": "date", "năm": "date", "ngày": "date",
        "language": "language", "languages": "language", "ngon-ngu": "language", "ngôn ngữ": "language",
        "type": "type", "loai": "type", "loại": "type",
        "subject": "subject", "chu-de": "subject", "chủ đề": "subject",
        "holding-id": "holding-id", "holding_id": "holding-id", "holding id": "holding-id",
        "ma-tai-lieu": "holding-id", "mã tài liệu": "holding-id",
        "library-code": "library-code", "library_code": "library-code", "library code": "library-code",
        "ma-thu-vien": "library-code", "mã thư viện": "library-code",
        "description": "description", "mo-ta": "description", "mô tả": "description",
        "item": "item", "item-id": "item", "thư mục": "item",
        "access": "access", "quyen-truy-cap": "access", "quyền truy cập": "access",
        "alternative-title": "alternative-title", "alternative title": "alternative-title", "nhan đề khác": "alternative-title",
        "contributor": "contributor", "người đóng góp": "contributor",
        "rights": "rights", "ban-quyen": "rights", "bản quyền": "rights",
        "serial": "serial", "ấn phẩm định kỳ": "serial", "serial-title": "serial-title", "tên báo": "serial-title",
        "issue-date": "issue-date", "ngày phát hành": "issue-date", "issue-number": "issue-number", "số báo": "issue-number",
        "volume": "volume", "tập": "volume",
    ]

    /// Access levels as staff may write them (English or Vietnamese).
    static let accessAliases: [String: AccessLevel] = [
        "public": .public, "công khai": .public, "restricted": .restricted, "hạn chế": .restricted,
        "closed": .closed, "đóng": .closed,
    ]

    /// Fills what staff left out: a title from the folder name, the pipeline's languages, NFC everywhere.
    mutating func applyDefaults(itemID: String, languages defaults: [String]) {
        if title?.isEmpty ?? true {
            title = itemID.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
            titleFromFolderName = true
        }
        if languages.isEmpty { languages = defaults }
        title = title?.precomposedStringWithCanonicalMapping
        creator = creator?.precomposedStringWithCanonicalMapping
        alternativeTitle = alternativeTitle?.precomposedStringWithCanonicalMapping
        contributor = contributor?.precomposedStringWithCanonicalMapping
        subject = subject.map { $0.precomposedStringWithCanonicalMapping }
        description = description?.precomposedStringWithCanonicalMapping
    }

    /// Sets one field from a key as staff wrote it; throws for an unknown key.
    mutating func set(key rawKey: String, value: String, source: String) throws(MetadataError) {
        let key = rawKey.trimmingCharacters(in: .whitespaces).lowercased().precomposedStringWithCanonicalMapping
        guard let field = Self.keyAliases[key] else {
            throw MetadataError(
                file: source,
                message:
                    "unknown key '\(rawKey)'; allowed: title, alternative-title, creator, contributor, date, language, type, subject, "
                    + "holding-id, library-code, description, rights, access, pagination, contents, serial, serial-title, issue-date, "
                    + "issue-number, volume"
            )
        }
        let text = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return }
        switch field {
        case "title": title = text
        case "creator": creator = text
        case "date": date = text
        case "language": languages = OCRLanguage.codes(from: text)
        case "type": type = text
        case "subject": subject = text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        case "holding-id": holdingID = text
        case "library-code":
            guard text.range(of: "^[A-Za-z0-9_-]{1,32}$", options: .regularExpression) != nil else {
                throw MetadataError(file: source, message: "library-code '\(text)' must be letters, digits, - or _ (e.g. LCH)")
            }
            libraryCode = text.uppercased()
        case "description": description = text
        case "alternative-title": alternativeTitle = text
        case "contributor": contributor = text
        case "rights":
            guard let statement = RightsStatement(text) else { throw MetadataError(file: source, message: RightsStatement.refusal(text)) }
            rights = statement.uri
        case "access":
            guard let level = Self.accessAliases[text.lowercased().precomposedStringWithCanonicalMapping] else {
                throw MetadataError(
                    file: source, message: "access '\(text)' must be public, restricted or closed (công khai, hạn chế, đóng)")
            }
            access = level
        case "serial":
            guard SerialValues.isSerialID(text) else { throw MetadataError(file: source, message: SerialValues.serialRefusal(text)) }
            serial = text
        case "serial-title": serialTitle = text.precomposedStringWithCanonicalMapping
        case "issue-date":
            guard SerialValues.isIssueDate(text) else { throw MetadataError(file: source, message: SerialValues.issueDateRefusal(text)) }
            issueDate = text
        case "issue-number": issueNumber = text.precomposedStringWithCanonicalMapping
        case "volume": volume = text.precomposedStringWithCanonicalMapping
        default: break
        }
    }

    /// Metadata for the item in `itemFolder`: its `item.yaml` if present, else its row in `table`.
    static func load(itemFolder: URL, table: ItemMetadataTable, itemID: String) throws(MetadataError) -> ItemMetadata {
        for name in ["item.yaml", "item.yml"] {
            let url = itemFolder.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: url.path) { return try withContentsCSV(fromYAML(url), itemFolder) }
        }
        return try withContentsCSV(table.row(for: itemID) ?? ItemMetadata(), itemFolder)
    }

    /// `metadata` with the contents of `contents.csv` in `itemFolder`, when it has one.
    private static func withContentsCSV(_ metadata: ItemMetadata, _ itemFolder: URL) throws(MetadataError) -> ItemMetadata {
        let url = itemFolder.appendingPathComponent("contents.csv")
        guard FileManager.default.fileExists(atPath: url.path) else { return metadata }
        var result = metadata
        do {
            guard result.contents == nil else {
                throw StructureError(file: url.path, message: "item.yaml has contents too; keep one of them")
            }
            result.contents = try ItemContents(csv: String(contentsOf: url, encoding: .utf8), source: url.path)
        } catch let error as StructureError {
            throw MetadataError(file: error.file, message: error.message)
        } catch {
            throw MetadataError(file: url.path, message: "not readable as UTF-8 text: \(error)")
        }
        return result
    }

    /// The page labels and contents of the item once it has `pageCount` pages; throws, naming the
    /// item's metadata file, when a rule or section does not fit.
    public func structure(pageCount: Int, source: String) throws(StructureError) -> ItemStructure {
        try ItemStructure(
            rules: pagination ?? PageLabelRules(), contents: contents ?? ItemContents(), pageCount: pageCount, source: source)
    }

    static func fromYAML(_ url: URL) throws(MetadataError) -> ItemMetadata {
        let parsed: Any?
        do {
            parsed = try YAMLText.load(String(contentsOf: url, encoding: .utf8))
        } catch {
            throw MetadataError(file: url.path, message: "not valid UTF-8 YAML: \(error)")
        }
        guard let map = parsed as? [String: Any] else {
            throw MetadataError(file: url.path, message: "must be a YAML mapping such as 'title: …'")
        }
        var metadata = ItemMetadata()
        for (key, value) in map.sorted(by: { $0.key < $1.key }) {
            do {
                switch key.lowercased().precomposedStringWithCanonicalMapping {
                case "pagination", "phân trang", "phan-trang":
                    metadata.pagination = try PageLabelRules(yaml: value, source: url.path)
                    continue
                case "contents", "mục lục", "muc-luc":
                    metadata.contents = try ItemContents(yaml: value, source: url.path)
                    continue
                default: break
                }
            } catch {
                throw MetadataError(file: error.file, message: error.message)
            }
            let text: String
            if let day = value as? Date {
                // YAML reads `1958-03-15` as a timestamp: give it back as the day written.
                text = day.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC") ?? .current).year().month().day())
            } else if let list = value as? [Any] {
                text = list.map { "\($0)" }.joined(separator: key.lowercased().hasPrefix("lang") ? "+" : "; ")
            } else {
                text = "\(value)"
            }
            try metadata.set(key: key, value: text, source: url.path)
        }
        return metadata
    }
}
