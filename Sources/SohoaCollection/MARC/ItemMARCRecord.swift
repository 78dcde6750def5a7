import Foundation
import SohoaCatalog

/// The MARC 21 bibliographic record of an archived item, for a library's OPAC: the item's own
/// description in MARC fields, linked by `001` to the register's record when the item is the one
/// digitization of a holding (else the item id in `001`, the holding's id in `035`), with an `856`
/// to the item's public page. Only what the description holds is written;
/// nothing is guessed (no place or publisher sohoa was not told, no `003`: sohoa does not know the
/// library system's MARC organization code). Shared by `sohoa export --format marc|marcxml` and
/// OAI-PMH's `marc21` format.
public enum ItemMARCRecord {
    /// `$3` of the `856` link: what the link leads to.
    public static let digitalCopy = "Bản số hóa"
    /// `$z` of the `856` link of a restricted item.
    public static let signInNote = "Bạn đọc cần đăng nhập để xem (sign-in required)"
    /// The longest value a subfield gets, in bytes: a field stays within ISO 2709's 9,999.
    static let maximumValueBytes = 8_000
    /// How much of a description is written (in `520` fields of at most `maximumValueBytes`).
    static let maximumDescriptionBytes = 48_000

    /// The record of `item` (with its access level, as `Catalog.itemAvailability` gives it), linking
    /// to `itemPage` (nil: no `856`). An item without rights of its own gets the statement
    /// `rights` (server.yaml's `rights:`) gives it, as its archived Dublin Core does.
    /// `holdingIsShared`: other items readers see name the item's holding too (volumes, duplicates;
    /// `Catalog.archivedItemCount`). `001` is the register's record id only when it is not: an
    /// OPAC importing on `001` would keep one of several records with the same id. Otherwise `001`
    /// is the item id and `035 $a` the holding's id.
    public static func record(
        _ item: ItemAvailability, itemPage: String?, rights: RightsDefaults = RightsDefaults(), holdingIsShared: Bool
    ) -> MARCRecord {
        var description = ItemDescription(item: item.item, access: item.access)
        if description.rights == nil {
            description.rights = rights.statement(library: item.item.libraryCode, collection: description.type)?.uri
        }
        let type = recordType(item.collectionType ?? description.type)
        var record = MARCRecord(leader: leader(status: item.item.ocflVersion == "v1" ? "n" : "c", type: type))
        let holding = clean(description.holdingID)
        let controlNumber = holdingIsShared ? item.item.id : holding ?? item.item.id
        record.controlFields = [
            ("001", controlNumber), ("005", transactionDate(item.item.updatedAt)),
            ("008", fixedData(item.item, description)),
        ]
        var fields: [MARCRecord.DataField] = []
        func add(_ tag: String, _ indicators: String, _ subfields: [(Character, String?)]) {
            let kept = subfields.compactMap { code, value in clean(value).map { (code: code, value: $0) } }
            guard !kept.isEmpty else { return }
            fields.append(MARCRecord.DataField(tag: tag, indicators: indicators, subfields: kept))
        }
        add("024", "7 ", [("a", item.item.objectID), ("2", "urn")])
        if holdingIsShared { add("035", "  ", [("a", holding)]) }
        if let languages = languageField(description.languages) { fields.append(languages) }
        let creators = names(description.creator)
        if let first = creators.first { add("100", nameIndicator(first) + " ", [("a", first)]) }
        add("245", (creators.isEmpty ? "0" : "1") + "0", [("a", description.title)])
        add("246", "3 ", [("a", description.alternativeTitle)])
        add("264", type == "t" ? " 0" : " 1", [("c", description.date)])
        if item.access == .restricted { add("506", "1 ", [("a", signInNote), ("3", digitalCopy)]) }
        for part in chunks(clean(description.description, limit: maximumDescriptionBytes)) { add("520", "  ", [("a", part)]) }
        if let rights = clean(description.rights) {
            if let known = RightsStatement(rights) {
                add("540", "  ", [("a", "\(known.vietnamese) (\(known.english))"), ("u", known.uri)])
            } else if rights.contains("://") {
                add("540", "  ", [("u", rights)])
            } else {
                add("540", "  ", [("a", rights)])
            }
        }
        for subject in description.subjects { add("650", " 4", [("a", subject)]) }
        for name in creators.dropFirst() + names(description.contributor) { add("700", nameIndicator(name) + " ", [("a", name)]) }
        if let serial = clean(description.serial) {
            let parts = [
                clean(description.volume).map { "Tập \($0)" }, clean(description.issueNumber).map { "Số \($0)" },
                clean(description.issueDate),
            ].compactMap { $0 }
            add("773", "0 ", [("t", description.serialTitle), ("g", parts.isEmpty ? nil : parts.joined(separator: ", ")), ("o", serial)])
        }
        if let itemPage {
            add("856", "41", [("3", digitalCopy), ("u", itemPage), ("z", item.access == .restricted ? signInNote : nil)])
        }
        record.dataFields = fields
        return record
    }

    /// Leader: record status, type of record, monograph, UTF-8, abbreviated level, not ISBD. The
    /// lengths are set when the record is written.
    static func leader(status: Character, type: Character) -> String {
        "00000\(status)\(type)m a22000003  4500"
    }

    /// Leader/06 from the holding's collection type or the item's type: `t` manuscript, `e` map,
    /// `k` photograph, else `a` (language material).
    static func recordType(_ collectionType: String?) -> Character {
        switch collectionType.flatMap(HoldingValues.collectionType) {
        case .manuscript: "t"
        case .map: "e"
        case .photo: "k"
        default: "a"
        }
    }

    /// `005`: when the item last changed, `yyyymmddhhmmss.f` (UTC).
    static func transactionDate(_ date: Date) -> String {
        let c = Calendar.utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return [(c.year, 4), (c.month, 2), (c.day, 2), (c.hour, 2), (c.minute, 2), (c.second, 2)]
            .map { digits($0.0 ?? 0, $0.1) }.joined() + ".0"
    }

    /// `008` (40 positions): date entered, type of date and dates, place unknown (`xx `), the
    /// material-specific positions not coded (`|`), language (not coded when unknown or without a
    /// MARC code), source `d` (other).
    static func fixedData(_ item: ItemRecord, _ description: ItemDescription) -> String {
        let c = Calendar.utc.dateComponents([.year, .month, .day], from: item.createdAt)
        let entered = digits((c.year ?? 0) % 100, 2) + digits(c.month ?? 0, 2) + digits(c.day ?? 0, 2)
        // `none` says the item is not read by OCR (an image-only pipeline gives it too), not that it
        // has no language: it is not coded, as an unknown language is not.
        let language = description.languages.first { $0 != "none" }.flatMap(marcLanguage) ?? "|||"
        return entered + dates(description.date) + "xx " + String(repeating: "|", count: 17) + language + "|d"
    }

    /// `008/06-14`: type of date, date 1, date 2 from the forms `MetadataDate` allows.
    static func dates(_ text: String?) -> String {
        guard let text = clean(text) else { return "nuuuuuuuu" }
        if let m = text.wholeMatch(of: /([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?/) {
            return "e\(m.output.1)\(m.output.2)\(m.output.3 ?? "  ")"
        }
        if let m = text.wholeMatch(of: /\[?([0-9]{4})\??\]?/) { return "s\(m.output.1)    " }
        if let m = text.wholeMatch(of: /([0-9]{4}) ?[-–\/] ?([0-9]{4})/) { return "m\(m.output.1)\(m.output.2)" }
        if let m = text.wholeMatch(of: /\[([0-9]{3})-\]/) { return "q\(m.output.1)0\(m.output.1)9" }
        if let m = text.wholeMatch(of: /\[([0-9]{2})--\]/) { return "q\(m.output.1)00\(m.output.1)99" }
        return "|||||||||"
    }

    /// MARC language codes (ISO 639-2/B) for the codes sohoa items carry.
    static let marcLanguages: [String: String] = [
        "vie": "vie", "eng": "eng", "fre": "fre", "fra": "fre", "chi": "chi", "zho": "chi", "chi_sim": "chi", "chi_tra": "chi",
        "ger": "ger", "deu": "ger", "rus": "rus", "jpn": "jpn", "kor": "kor", "lao": "lao", "tha": "tha", "khm": "khm",
        "lat": "lat", "san": "san", "pli": "pli", "mul": "mul", "und": "und",
    ]

    /// The MARC code of a language code, or nil when MARC's list has none for it (e.g. Tai Dam `blt`).
    static func marcLanguage(_ code: String) -> String? {
        marcLanguages[code.lowercased()]
    }

    /// `041`: the languages as MARC codes, or — when one has no MARC code — all as ISO 639-3 (`$2 iso639-3`).
    static func languageField(_ languages: [String]) -> MARCRecord.DataField? {
        let codes = languages.filter { $0 != "none" && !$0.isEmpty }
        guard !codes.isEmpty else { return nil }
        let marc = codes.compactMap(marcLanguage)
        if marc.count == codes.count {
            return MARCRecord.DataField(tag: "041", indicators: "  ", subfields: unique(marc).map { (code: "a", value: $0) })
        }
        let iso639_3: [String: String] = ["fre": "fra", "chi": "zho", "chi_sim": "zho", "chi_tra": "zho", "ger": "deu"]
        let values = unique(codes.map { iso639_3[$0.lowercased()] ?? $0.lowercased() })
        return MARCRecord.DataField(
            tag: "041", indicators: " 7", subfields: values.map { (code: "a", value: $0) } + [(code: "2", value: "iso639-3")])
    }

    /// Names of a `;`-separated creator or contributor field.
    static func names(_ text: String?) -> [String] {
        (text ?? "").split(separator: ";").compactMap { clean(String($0)) }
    }

    /// First indicator of a `100`/`700` name: `1` for an inverted name (`Nguyễn, Du`), `0` for one in
    /// direct order, as Vietnamese names are written.
    static func nameIndicator(_ name: String) -> String {
        name.contains(",") ? "1" : "0"
    }

    /// `text` as one line of NFC text without control characters, at most `limit` bytes (cut at a
    /// character, marked `…`); nil when empty.
    static func clean(_ text: String?, limit: Int = maximumValueBytes) -> String? {
        guard let text else { return nil }
        var scalars = String.UnicodeScalarView()
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            let control = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFFFE || scalar.value == 0xFFFF
            scalars.append(control ? " " : scalar)
        }
        let line = String(scalars).split(whereSeparator: { $0 == " " }).joined(separator: " ")
        guard !line.isEmpty else { return nil }
        guard line.utf8.count > limit else { return line }
        var cut = ""
        for character in line {
            guard cut.utf8.count + character.utf8.count + "…".utf8.count <= limit else { break }
            cut.append(character)
        }
        return cut + "…"
    }

    /// `text` in pieces of at most `maximumValueBytes` bytes, cut between words where it can be.
    static func chunks(_ text: String?) -> [String] {
        guard let text else { return [] }
        var pieces: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if candidate.utf8.count <= maximumValueBytes {
                current = candidate
                continue
            }
            if !current.isEmpty { pieces.append(current) }
            current = clean(String(word)) ?? ""
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    /// `number` as `width` digits, zero-padded.
    private static func digits(_ number: Int, _ width: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}

extension Calendar {
    /// The Gregorian calendar in UTC.
    fileprivate static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        return calendar
    }()
}
