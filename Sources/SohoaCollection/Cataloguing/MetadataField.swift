import Foundation
import SohoaCatalog

/// A field of an item's description as the form and the metadata CSV name it: the CSV header
/// (as `items.csv` at ingest), labels, and how a value typed by staff is checked and read.
public enum MetadataField: String, Sendable, CaseIterable {
    case title
    case alternativeTitle = "alternative-title"
    case creator
    case contributor
    case date
    case type
    case language
    case subject
    case description
    case holdingID = "holding-id"
    case library = "library-code"
    case rights
    case access
    case serial
    case serialTitle = "serial-title"
    case issueDate = "issue-date"
    case issueNumber = "issue-number"
    case volume

    /// The column header in `items.csv` (at ingest and in `sohoa metadata export`).
    public var header: String { rawValue }

    /// The label in Vietnamese.
    public var vietnamese: String {
        switch self {
        case .title: "Nhan đề"
        case .alternativeTitle: "Nhan đề khác"
        case .creator: "Tác giả"
        case .contributor: "Người đóng góp"
        case .date: "Thời gian"
        case .type: "Loại tài liệu"
        case .language: "Ngôn ngữ"
        case .subject: "Chủ đề"
        case .description: "Mô tả"
        case .holdingID: "Mã tài liệu"
        case .library: "Mã thư viện"
        case .rights: "Bản quyền"
        case .access: "Quyền truy cập"
        case .serial: "Mã báo, tạp chí"
        case .serialTitle: "Tên báo, tạp chí"
        case .issueDate: "Ngày phát hành"
        case .issueNumber: "Số"
        case .volume: "Tập / năm thứ"
        }
    }

    /// The label in English.
    public var english: String {
        switch self {
        case .title: "Title"
        case .alternativeTitle: "Alternative title"
        case .creator: "Creator"
        case .contributor: "Contributor"
        case .date: "Date"
        case .type: "Type"
        case .language: "Language"
        case .subject: "Subjects"
        case .description: "Description"
        case .holdingID: "Holding id"
        case .library: "Library code"
        case .rights: "Rights"
        case .access: "Access"
        case .serial: "Serial id"
        case .serialTitle: "Serial title"
        case .issueDate: "Issue date"
        case .issueNumber: "Issue number"
        case .volume: "Volume"
        }
    }

    /// The field a CSV header names: the header itself, or a spelling `items.csv` accepts at ingest
    /// (Vietnamese too); nil for `item` and unknown headers.
    public init?(header: String) {
        let key = header.trimmingCharacters(in: .whitespaces).lowercased().precomposedStringWithCanonicalMapping
        if let field = MetadataField(rawValue: key) {
            self = field
            return
        }
        guard let field = Self.aliases[key] else { return nil }
        self = field
    }

    /// The spellings of headers that `items.csv` accepts at ingest (`ItemMetadata.keyAliases`).
    static let aliases: [String: MetadataField] = [
        "nhan-de": .title, "nhan đề": .title, "tiêu đề": .title, "tieu-de": .title,
        "alternative title": .alternativeTitle, "alternative_title": .alternativeTitle, "nhan đề khác": .alternativeTitle,
        "tac-gia": .creator, "tác giả": .creator, "người đóng góp": .contributor,
        "nam": .date, "năm": .date, "ngày": .date,
        "languages": .language, "ngon-ngu": .language, "ngôn ngữ": .language,
        "loai": .type, "loại": .type, "chu-de": .subject, "chủ đề": .subject,
        "holding_id": .holdingID, "holding id": .holdingID, "ma-tai-lieu": .holdingID, "mã tài liệu": .holdingID,
        "library_code": .library, "library code": .library, "ma-thu-vien": .library, "mã thư viện": .library,
        "mo-ta": .description, "mô tả": .description, "ban-quyen": .rights, "bản quyền": .rights,
        "quyen-truy-cap": .access, "quyền truy cập": .access,
        "ấn phẩm định kỳ": .serial, "tên báo": .serialTitle, "ngày phát hành": .issueDate, "số báo": .issueNumber, "tập": .volume,
    ]

    /// Access levels as staff may write them (English or Vietnamese).
    static let accessLevels: [String: AccessLevel] = [
        "public": .public, "công khai": .public, "restricted": .restricted, "hạn chế": .restricted,
        "closed": .closed, "đóng": .closed,
    ]

    /// The field's value in `item` as staff write it (lists joined by `; `, languages by `+`).
    public func text(of item: ItemDescription) -> String {
        switch self {
        case .title: item.title
        case .alternativeTitle: item.alternativeTitle ?? ""
        case .creator: item.creator ?? ""
        case .contributor: item.contributor ?? ""
        case .date: item.date ?? ""
        case .type: item.type ?? ""
        case .language: item.languages.joined(separator: "+")
        case .subject: item.subjects.joined(separator: "; ")
        case .description: item.description ?? ""
        case .holdingID: item.holdingID ?? ""
        case .library: item.libraryCode
        case .rights: item.rights ?? ""
        case .access: item.access.rawValue
        case .serial: item.serial ?? ""
        case .serialTitle: item.serialTitle ?? ""
        case .issueDate: item.issueDate ?? ""
        case .issueNumber: item.issueNumber ?? ""
        case .volume: item.volume ?? ""
        }
    }

    /// Sets the field in `item` from `text` as staff typed it (NFC, trimmed; empty clears it); throws
    /// a plain message for a value the field cannot take.
    public func set(_ text: String, in item: inout ItemDescription) throws(MetadataFieldError) {
        let value = text.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
        let optional: String? = value.isEmpty ? nil : value
        switch self {
        case .title:
            guard let optional else { throw fail("the title cannot be empty") }
            item.title = optional
        case .alternativeTitle: item.alternativeTitle = optional
        case .creator: item.creator = optional
        case .contributor: item.contributor = optional
        case .date:
            if let optional, !MetadataDate.isValid(optional) { throw fail(MetadataDate.refusal(optional)) }
            item.date = optional
        case .type: item.type = optional
        case .language:
            let codes = value.lowercased().split(whereSeparator: { "+,; ".contains($0) }).map(String.init)
            if let bad = codes.first(where: { $0.wholeMatch(of: /[a-z]{3}(_[a-z]{3,4})?|none/) == nil }) {
                throw fail("'\(bad)' is not a language code: write ISO 639 codes such as vie, eng, chi, none, joined by +")
            }
            item.languages = codes
        case .subject:
            item.subjects = value.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        case .description: item.description = optional
        case .holdingID: item.holdingID = optional
        case .library:
            guard value.wholeMatch(of: /[A-Za-z0-9_-]{1,32}/) != nil else {
                throw fail("library-code '\(value)' must be letters, digits, - or _ (e.g. LCH)")
            }
            item.libraryCode = value.uppercased()
        case .rights:
            guard let optional else {
                item.rights = nil
                return
            }
            guard let statement = RightsStatement(optional) else { throw fail(RightsStatement.refusal(optional)) }
            item.rights = statement.uri
        case .access:
            guard let level = Self.accessLevels[value.lowercased()] else {
                throw fail("access '\(value)' must be public, restricted or closed (công khai, hạn chế, đóng)")
            }
            item.access = level
        case .serial:
            if let optional, !SerialValues.isSerialID(optional) { throw fail(SerialValues.serialRefusal(optional)) }
            item.serial = optional
        case .serialTitle: item.serialTitle = optional
        case .issueDate:
            if let optional, !SerialValues.isIssueDate(optional) { throw fail(SerialValues.issueDateRefusal(optional)) }
            item.issueDate = optional
        case .issueNumber: item.issueNumber = optional
        case .volume: item.volume = optional
        }
    }

    private func fail(_ message: String) -> MetadataFieldError {
        MetadataFieldError(field: self, message: message)
    }
}

/// A value a metadata field cannot take, and why.
public struct MetadataFieldError: Error, Sendable, Equatable, CustomStringConvertible {
    public var field: MetadataField
    /// What is wrong and what to write instead.
    public var message: String

    public var description: String { "\(field.header): \(message)" }
}
