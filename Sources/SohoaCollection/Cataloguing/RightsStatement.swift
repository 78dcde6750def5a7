import Foundation

/// A rights statement an item may carry: a RightsStatements.org statement or a Creative Commons
/// licence or public-domain tool, by its canonical URI, with the label shown to readers.
public struct RightsStatement: Sendable, Equatable, Hashable {
    /// The canonical URI (`http://`, with the trailing `/`), as IIIF and OAI give it.
    public let uri: String
    /// The label in Vietnamese.
    public let vietnamese: String
    /// The label in English.
    public let english: String

    /// Every statement sohoa knows, in the order a form lists them.
    public static let known: [RightsStatement] = [
        .init(
            "http://rightsstatements.org/vocab/NoC-OKLR/1.0/", "Không có bản quyền — hạn chế ngoài bản quyền",
            "No Copyright - Other Known Legal Restrictions"),
        .init(
            "http://rightsstatements.org/vocab/NoC-NC/1.0/", "Không có bản quyền — chỉ dùng phi thương mại",
            "No Copyright - Non-Commercial Use Only"),
        .init(
            "http://rightsstatements.org/vocab/NoC-CR/1.0/", "Không có bản quyền — có hạn chế theo hợp đồng",
            "No Copyright - Contractual Restrictions"),
        .init("http://rightsstatements.org/vocab/NoC-US/1.0/", "Không có bản quyền — tại Hoa Kỳ", "No Copyright - United States"),
        .init("http://rightsstatements.org/vocab/NKC/1.0/", "Không rõ có bản quyền", "No Known Copyright"),
        .init("http://rightsstatements.org/vocab/InC/1.0/", "Có bản quyền", "In Copyright"),
        .init(
            "http://rightsstatements.org/vocab/InC-EDU/1.0/", "Có bản quyền — được dùng cho giáo dục",
            "In Copyright - Educational Use Permitted"),
        .init(
            "http://rightsstatements.org/vocab/InC-NC/1.0/", "Có bản quyền — được dùng phi thương mại",
            "In Copyright - Non-Commercial Use Permitted"),
        .init("http://rightsstatements.org/vocab/InC-OW-EU/1.0/", "Có bản quyền — tác phẩm mồ côi (EU)", "In Copyright - EU Orphan Work"),
        .init(
            "http://rightsstatements.org/vocab/InC-RUU/1.0/", "Có bản quyền — chưa xác định được chủ sở hữu",
            "In Copyright - Rights-holder(s) Unlocatable or Unidentifiable"),
        .init("http://rightsstatements.org/vocab/CNE/1.0/", "Chưa đánh giá bản quyền", "Copyright Not Evaluated"),
        .init("http://rightsstatements.org/vocab/UND/1.0/", "Chưa xác định được bản quyền", "Copyright Undetermined"),
        .init("http://creativecommons.org/publicdomain/mark/1.0/", "Phạm vi công cộng (Public Domain Mark)", "Public Domain Mark 1.0"),
        .init("http://creativecommons.org/publicdomain/zero/1.0/", "Từ bỏ quyền (CC0)", "CC0 1.0 Universal"),
        .init("http://creativecommons.org/licenses/by/4.0/", "CC BY 4.0 — ghi công", "CC BY 4.0 (Attribution)"),
        .init(
            "http://creativecommons.org/licenses/by-sa/4.0/", "CC BY-SA 4.0 — ghi công, chia sẻ tương tự",
            "CC BY-SA 4.0 (Attribution-ShareAlike)"),
        .init(
            "http://creativecommons.org/licenses/by-nc/4.0/", "CC BY-NC 4.0 — ghi công, phi thương mại",
            "CC BY-NC 4.0 (Attribution-NonCommercial)"),
        .init(
            "http://creativecommons.org/licenses/by-nd/4.0/", "CC BY-ND 4.0 — ghi công, không phái sinh",
            "CC BY-ND 4.0 (Attribution-NoDerivatives)"),
        .init(
            "http://creativecommons.org/licenses/by-nc-sa/4.0/", "CC BY-NC-SA 4.0 — ghi công, phi thương mại, chia sẻ tương tự",
            "CC BY-NC-SA 4.0 (Attribution-NonCommercial-ShareAlike)"),
        .init(
            "http://creativecommons.org/licenses/by-nc-nd/4.0/", "CC BY-NC-ND 4.0 — ghi công, phi thương mại, không phái sinh",
            "CC BY-NC-ND 4.0 (Attribution-NonCommercial-NoDerivatives)"),
    ]

    private init(_ uri: String, _ vietnamese: String, _ english: String) {
        self.uri = uri
        self.vietnamese = vietnamese
        self.english = english
    }

    /// The known statement `text` names: its URI with `http` or `https`, with or without the last `/`
    /// (`https://rightsstatements.org/vocab/NoC-NC/1.0`), or the page URL RightsStatements.org shows
    /// (`…/page/NoC-NC/1.0/`); nil for anything else.
    public init?(_ text: String) {
        var uri = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if uri.lowercased().hasPrefix("https://") { uri = "http://" + uri.dropFirst("https://".count) }
        uri = uri.replacingOccurrences(of: "http://rightsstatements.org/page/", with: "http://rightsstatements.org/vocab/")
        if let query = uri.firstIndex(where: { $0 == "?" || $0 == "#" }) { uri = String(uri[..<query]) }
        if !uri.hasSuffix("/") { uri += "/" }
        guard let known = Self.known.first(where: { $0.uri.lowercased() == uri.lowercased() }) else { return nil }
        self = known
    }

    /// Whether the work is under copyright, as XMP's `xmpRights:Marked` says it: `true` for In
    /// Copyright and Creative Commons licences, `false` for No Copyright and the public-domain tools,
    /// `nil` where it is not known (not evaluated, undetermined, no known copyright).
    public var isMarked: Bool? {
        if uri.contains("/vocab/InC") || uri.contains("creativecommons.org/licenses/") { return true }
        if uri.contains("/vocab/NoC") || uri.contains("creativecommons.org/publicdomain/") { return false }
        return nil
    }

    /// A plain message for a value that is not a known statement, with examples.
    public static func refusal(_ text: String) -> String {
        "'\(text)' is not a rights statement sohoa knows: give a RightsStatements.org or Creative Commons URI, "
            + "e.g. http://rightsstatements.org/vocab/NoC-NC/1.0/ or http://creativecommons.org/publicdomain/mark/1.0/"
    }
}
