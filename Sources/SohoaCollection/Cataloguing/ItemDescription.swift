import Foundation
import SohoaArchive
import SohoaCatalog

/// What an archivist may change of an archived item: its descriptive fields, rights and access.
///
/// It is kept in the catalog (the item's columns and `metadataJSON`, under the same keys as the
/// metadata read at ingest) and in the archive (`dc.xml`, the DC and MODS in `mets.xml`).
public struct ItemDescription: Sendable, Equatable {
    public var title: String
    public var alternativeTitle: String?
    public var creator: String?
    public var contributor: String?
    /// As the library writes it: `1925`, `1930-05-02`, `[18--]`, `1925-1930` (see `MetadataDate`).
    public var date: String?
    public var type: String?
    /// ISO 639 codes, e.g. `vie`, `eng`; `none` for an item without text.
    public var languages: [String]
    public var subjects: [String]
    public var description: String?
    /// The holding in the register this item digitizes.
    public var holdingID: String?
    /// The library holding the item (part of the archive id: it cannot change after ingest).
    public var libraryCode: String
    /// A `RightsStatement` URI, or nil when the item has none of its own.
    public var rights: String?
    public var access: AccessLevel
    /// The serial this item is an issue of, with the issue's date, number and volume (`SerialValues`).
    public var serial: String?
    public var serialTitle: String?
    public var issueDate: String?
    public var issueNumber: String?
    public var volume: String?

    /// A description with a title and a library; everything else empty.
    public init(title: String, libraryCode: String, access: AccessLevel = .public) {
        self.title = title
        self.libraryCode = libraryCode
        self.access = access
        languages = []
        subjects = []
    }

    /// The description of `item` as the catalog holds it, with its access level.
    public init(item: ItemRecord, access: AccessLevel) {
        let json = Self.jsonObject(item.metadataJSON)
        func text(_ key: String) -> String? {
            (json[key] as? String).flatMap { $0.isEmpty ? nil : $0 }
        }
        self.init(title: item.title ?? item.id, libraryCode: item.libraryCode, access: access)
        alternativeTitle = text("alternativeTitle")
        creator = item.creator
        contributor = text("contributor")
        date = item.date
        type = item.type
        languages = (item.language ?? "").split(separator: "+").map(String.init).filter { !$0.isEmpty }
        subjects = (item.subject ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        description = text("description")
        holdingID = item.holdingID
        rights = text("rights")
        (serial, serialTitle, issueDate) = (item.serial, item.serialTitle, item.issueDate)
        (issueNumber, volume) = (item.issueNumber, item.volume)
    }

    /// The item's Dublin Core, as the metadata stage makes it at ingest (`format` and `source` are
    /// those of the archived scans).
    public func dublinCore(objectID: String, format: String?, source: String?) -> DublinCore {
        var dc = DublinCore(
            title: title, creators: creator.map { [$0] } ?? [], subjects: subjects, description: description,
            publisher: "library:\(libraryCode)", contributors: contributor.map { [$0] } ?? [], date: date,
            type: type ?? "Text", format: format, identifiers: [objectID] + (holdingID.map { ["holding:\($0)"] } ?? []),
            source: source, language: languages.filter { $0 != "none" }, rights: rights)
        dc.alternativeTitle = alternativeTitle
        dc.serial = serial.map {
            SerialPart(id: $0, title: serialTitle, issueDate: issueDate, issueNumber: issueNumber, volume: volume)
        }
        return dc
    }

    /// `record` with this description's columns and `metadataJSON` (keys it does not know are kept).
    public func applied(to record: ItemRecord) -> ItemRecord {
        var record = record
        var json = Self.jsonObject(record.metadataJSON)
        if json["title"] as? String != title { json["titleFromFolderName"] = false }
        let values: [String: Any?] = [
            "title": title, "alternativeTitle": alternativeTitle, "creator": creator, "contributor": contributor,
            "date": date, "type": type, "languages": languages, "subject": subjects, "description": description,
            "holdingID": holdingID, "libraryCode": libraryCode, "rights": rights, "access": access.rawValue,
            "serial": serial, "serialTitle": serialTitle, "issueDate": issueDate, "issueNumber": issueNumber, "volume": volume,
        ]
        for (key, value) in values {
            if let value { json[key] = value } else { json.removeValue(forKey: key) }
        }
        record.title = title
        record.creator = creator
        record.date = date
        record.type = type
        record.language = languages.isEmpty ? nil : languages.joined(separator: "+")
        record.subject = subjects.isEmpty ? nil : subjects.joined(separator: "; ")
        record.holdingID = holdingID
        (record.serial, record.serialTitle, record.issueDate) = (serial, serialTitle, issueDate)
        (record.issueNumber, record.volume) = (issueNumber, volume)
        if let data = try? JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]) {
            record.metadataJSON = String(decoding: data, as: UTF8.self)
        }
        return record
    }

    /// The fields that differ from `old`, with both values as staff write them.
    public func changes(from old: ItemDescription) -> [MetadataChange] {
        MetadataField.allCases.compactMap { field in
            let before = field.text(of: old)
            let after = field.text(of: self)
            return before == after ? nil : MetadataChange(field: field, old: before, new: after)
        }
    }

    private static func jsonObject(_ json: String?) -> [String: Any] {
        guard let json, let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            return [:]
        }
        return object
    }
}
