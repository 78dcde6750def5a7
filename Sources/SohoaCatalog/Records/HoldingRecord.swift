import Foundation
import GRDB

/// A holding in the register of rare and local-history materials (table `holdings`): the
/// denominator of the 70% goal. Items link to it by `ItemRecord.holdingID`.
public struct HoldingRecord: Codable, Sendable, Equatable, Identifiable, FetchableRecord, PersistableRecord {
    /// The kind of material, as the plan names its collections.
    public enum CollectionType: String, Codable, Sendable, CaseIterable, CodingKeyRepresentable {
        case rareBook = "rare-book"
        case manuscript
        /// Địa chí: documents about the province.
        case localHistory = "local-history"
        case newspaper
        case map
        case photo
        case other

        /// The Vietnamese name used in reports.
        public var vietnamese: String {
            switch self {
            case .rareBook: "Sách quý hiếm"
            case .manuscript: "Bản thảo, thư tịch cổ"
            case .localHistory: "Tài liệu địa chí"
            case .newspaper: "Báo, tạp chí"
            case .map: "Bản đồ"
            case .photo: "Ảnh"
            case .other: "Khác"
            }
        }
    }

    public static let databaseTableName = "holdings"

    /// The holding id (the library system's record id, MARC 001), the key items link by.
    public var id: String
    public var callNumber: String?
    public var title: String
    public var creator: String?
    /// The code of the library that holds it (e.g. `LCH` for the provincial library).
    public var libraryCode: String
    public var collectionType: CollectionType
    /// Of special historical, cultural or scientific value (the plan's scope).
    public var specialValue: Bool
    /// Language or script code(s), e.g. `vie`, `nom`, `blt`.
    public var language: String?
    /// Subjects, `; `-separated.
    public var subjects: String?
    public var estimatedPages: Int?
    /// Year of publication or making, when known.
    public var year: Int?
    /// Where the row came from: the register file and its line or record number.
    public var source: String
    /// When the holding first entered the register.
    public var importedAt: Date
    /// When the holding last changed.
    public var updatedAt: Date

    /// Makes a holding; the dates are set by the catalog when stored.
    public init(
        id: String, callNumber: String? = nil, title: String, creator: String? = nil, libraryCode: String,
        collectionType: CollectionType, specialValue: Bool, language: String? = nil, subjects: String? = nil,
        estimatedPages: Int? = nil, year: Int? = nil, source: String, importedAt: Date = Date(), updatedAt: Date = Date()
    ) {
        self.id = id
        self.callNumber = callNumber
        self.title = title
        self.creator = creator
        self.libraryCode = libraryCode
        self.collectionType = collectionType
        self.specialValue = specialValue
        self.language = language
        self.subjects = subjects
        self.estimatedPages = estimatedPages
        self.year = year
        self.source = source
        self.importedAt = importedAt
        self.updatedAt = updatedAt
    }

    /// Whether the descriptive content (everything but `source` and the dates) is the same.
    public func hasSameContent(as other: HoldingRecord) -> Bool {
        var a = self
        var b = other
        a.source = ""
        b.source = ""
        a.importedAt = .distantPast
        b.importedAt = .distantPast
        a.updatedAt = .distantPast
        b.updatedAt = .distantPast
        return a == b
    }
}
