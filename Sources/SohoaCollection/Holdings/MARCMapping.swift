import Foundation

/// Which MARC 21 fields fill which holding field, and which values mark rare or local-history
/// material. The defaults follow common Vietnamese library-system exports; a YAML file (see
/// docs/progress.md) overrides any part of them.
public struct MARCMapping: Sendable, Equatable {
    /// A field path: `001`, `008/35-37` (character positions of a control field), `245$a$b` (subfields).
    public struct Path: Sendable, Equatable, CustomStringConvertible {
        public var tag: String
        public var subfields: [Character]
        public var positions: ClosedRange<Int>?

        /// Parses `245$a$b`, `008/07-10` or `001`; `nil` when it is none of these.
        public init?(_ text: String) {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard trimmed.count >= 3, trimmed.prefix(3).allSatisfy({ $0.isLetter || $0.isNumber }) else { return nil }
            tag = String(trimmed.prefix(3))
            let rest = trimmed.dropFirst(3)
            subfields = []
            positions = nil
            if rest.hasPrefix("/") {
                let bounds = rest.dropFirst().split(separator: "-").compactMap { Int($0) }
                guard let low = bounds.first, bounds.count <= 2, (bounds.last ?? low) >= low else { return nil }
                positions = low...(bounds.last ?? low)
            } else if !rest.isEmpty {
                let parts = rest.split(separator: "$", omittingEmptySubsequences: false)
                guard parts.first?.isEmpty == true, parts.dropFirst().allSatisfy({ $0.count == 1 }) else { return nil }
                subfields = parts.dropFirst().compactMap(\.first)
            }
        }

        public var description: String {
            tag + (positions.map { "/\($0.lowerBound)-\($0.upperBound)" } ?? "") + subfields.map { "$\($0)" }.joined()
        }
    }

    public var id: [Path]
    public var callNumber: [Path]
    public var title: [Path]
    public var creator: [Path]
    public var year: [Path]
    public var language: [Path]
    public var subjects: [Path]
    public var estimatedPages: [Path]
    public var libraryCode: [Path]
    /// Where the collection code is (e.g. `852$b` or a local `927$a`) and what each code means.
    public var collectionType: [Path]
    public var collectionTypeValues: [String: String]
    /// A field whose presence with one of `specialValueValues` (or any value when that list is empty)
    /// marks the holding as of special value.
    public var specialValue: [Path]
    public var specialValueValues: [String]
    /// The library code for records with no holding-library field.
    public var defaultLibraryCode: String?

    /// The documented defaults (docs/progress.md).
    public static let standard = MARCMapping(
        id: paths("001"), callNumber: paths("852$k$h$i", "090$a$b"), title: paths("245$a$b$n$p"), creator: paths("100$a", "110$a"),
        year: paths("260$c", "264$c", "008/07-10"), language: paths("041$a", "008/35-37"), subjects: paths("650$a", "651$a"),
        estimatedPages: paths("300$a"), libraryCode: paths("852$a"), collectionType: paths("927$a", "852$b"),
        collectionTypeValues: [
            "QH": "rare-book", "SQH": "rare-book", "HN": "manuscript", "TTC": "manuscript", "DC": "local-history",
            "DIA CHI": "local-history", "BAO": "newspaper", "BD": "map", "ANH": "photo",
        ],
        specialValue: paths("927$b"), specialValueValues: ["x", "1", "yes", "co", "dac biet", "quy hiem"], defaultLibraryCode: nil)

    static func paths(_ texts: String...) -> [Path] { texts.compactMap(Path.init) }

    /// The default mapping with the keys of a YAML file applied.
    public static func load(_ url: URL) throws(HoldingsImportError) -> MARCMapping {
        let parsed: Any?
        do {
            parsed = try YAMLText.load(String(contentsOf: url, encoding: .utf8))
        } catch {
            throw HoldingsImportError(file: url.path, message: "not valid UTF-8 YAML: \(error)")
        }
        guard let map = parsed as? [String: Any] else {
            throw HoldingsImportError(file: url.path, message: "must be a YAML mapping such as 'title: [245$a$b]'")
        }
        var mapping = standard
        for (key, value) in map {
            func pathList() throws(HoldingsImportError) -> [Path] {
                let texts = (value as? [Any])?.map { "\($0)" } ?? ["\(value)"]
                var result: [Path] = []
                for text in texts {
                    guard let path = Path(text) else {
                        throw HoldingsImportError(
                            file: url.path, message: "'\(text)' under \(key) is not a MARC path like 245$a$b or 008/35-37")
                    }
                    result.append(path)
                }
                return result
            }
            switch key {
            case "id": mapping.id = try pathList()
            case "call-number": mapping.callNumber = try pathList()
            case "title": mapping.title = try pathList()
            case "creator": mapping.creator = try pathList()
            case "year": mapping.year = try pathList()
            case "language": mapping.language = try pathList()
            case "subjects": mapping.subjects = try pathList()
            case "estimated-pages": mapping.estimatedPages = try pathList()
            case "library-code": mapping.libraryCode = try pathList()
            case "collection-type": mapping.collectionType = try pathList()
            case "special-value": mapping.specialValue = try pathList()
            case "default-library-code": mapping.defaultLibraryCode = "\(value)"
            case "collection-type-values":
                guard let values = value as? [String: Any] else {
                    throw HoldingsImportError(
                        file: url.path, message: "collection-type-values must map codes to types, e.g. {QH: rare-book}")
                }
                mapping.collectionTypeValues = values.mapValues { "\($0)" }
            case "special-value-values":
                mapping.specialValueValues = (value as? [Any])?.map { "\($0)" } ?? ["\(value)"]
            default:
                throw HoldingsImportError(
                    file: url.path,
                    message: "unknown key '\(key)'; allowed: id, call-number, title, creator, year, language, subjects, "
                        + "estimated-pages, library-code, collection-type, collection-type-values, special-value, "
                        + "special-value-values, default-library-code")
            }
        }
        return mapping
    }

    /// A record's raw holding values under this mapping.
    func draft(_ record: MARCRecord) -> HoldingDraft {
        func first(_ paths: [Path]) -> String? {
            for path in paths {
                if let value = record.values(path).first { return value }
            }
            return nil
        }
        var draft = HoldingDraft()
        draft.id = first(id)
        draft.callNumber = first(callNumber)
        draft.title = first(title)
        draft.creator = first(creator)
        draft.year = first(year)
        draft.language = first(language).map { $0.trimmingCharacters(in: .whitespaces) }
        draft.subjects = subjects.flatMap { record.values($0) }
        draft.estimatedPages = first(estimatedPages)
        draft.libraryCode = first(libraryCode)
        if let code = first(collectionType) {
            let byCode = Dictionary(collectionTypeValues.map { (HoldingValues.key($0.key), $0.value) }) { a, _ in a }
            draft.collectionType = byCode[HoldingValues.key(code)] ?? (HoldingValues.collectionType(code) != nil ? code : "other")
        }
        let marks = specialValue.flatMap { record.values($0) }
        let accepted = Set(specialValueValues.map(HoldingValues.key))
        draft.specialValue = marks.contains { accepted.isEmpty || accepted.contains(HoldingValues.key($0)) } ? "yes" : "no"
        return draft
    }
}
