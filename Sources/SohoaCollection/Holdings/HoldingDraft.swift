import Foundation
import SohoaCatalog

/// A register row's raw values, before they are checked and become a `HoldingRecord`.
struct HoldingDraft {
    var id: String?
    var callNumber: String?
    var title: String?
    var creator: String?
    var libraryCode: String?
    var collectionType: String?
    var specialValue: String?
    var language: String?
    var subjects: [String] = []
    var estimatedPages: String?
    var year: String?

    /// The holding, or the reason the row is rejected.
    func holding(source: String, defaultLibrary: String?) -> Result<HoldingRecord, HoldingRejection> {
        guard let id = HoldingValues.clean(id) else { return .failure(HoldingRejection("no holding id (id / mã tài liệu / MARC 001)")) }
        guard id.range(of: "^[^\\s/]+$", options: .regularExpression) != nil else {
            return .failure(HoldingRejection("holding id '\(id)' has spaces or '/'; use the library system's record id"))
        }
        guard let title = HoldingValues.clean(title) else { return .failure(HoldingRejection("no title (title / nhan đề / MARC 245)")) }
        guard let libraryText = HoldingValues.clean(libraryCode) ?? defaultLibrary else {
            return .failure(HoldingRejection("no library code (library-code / mã thư viện / MARC 852$a); or pass --library"))
        }
        guard let library = HoldingValues.libraryCode(libraryText) else {
            return .failure(HoldingRejection("library code '\(libraryText)' must be letters, digits, - or _ (e.g. LCH)"))
        }
        var type = HoldingRecord.CollectionType.other
        if let text = HoldingValues.clean(collectionType) {
            guard let known = HoldingValues.collectionType(text) else {
                return .failure(
                    HoldingRejection(
                        "unknown collection type '\(text)'; use rare-book, manuscript, local-history, newspaper, map, photo or other "
                            + "(or sách quý hiếm, bản thảo, địa chí, báo, bản đồ, ảnh, khác)"))
            }
            type = known
        }
        guard let special = HoldingValues.flag(specialValue ?? "") else {
            return .failure(HoldingRejection("special-value '\(specialValue ?? "")' must be yes/no (có/không, x, 1/0)"))
        }
        var pages: Int?
        if let text = HoldingValues.clean(estimatedPages) {
            guard let number = HoldingValues.number(text) else {
                return .failure(HoldingRejection("estimated pages '\(text)' is not a number"))
            }
            pages = number
        }
        // Rare material often has no exact year (`[18--?]`): the year is then left empty, not refused.
        let yearValue = HoldingValues.clean(year).flatMap(HoldingValues.year)
        let subjectText = subjects.compactMap(HoldingValues.clean).joined(separator: "; ")
        return .success(
            HoldingRecord(
                id: id, callNumber: HoldingValues.clean(callNumber), title: title, creator: HoldingValues.clean(creator),
                libraryCode: library, collectionType: type, specialValue: special, language: HoldingValues.clean(language)?.lowercased(),
                subjects: subjectText.isEmpty ? nil : subjectText, estimatedPages: pages, year: yearValue, source: source))
    }
}

/// Why one register row was left out.
struct HoldingRejection: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}
