/// Simple Dublin Core (DCMES 1.1) description of an item.
///
/// Elements that commonly repeat are arrays; empty strings and arrays are left out when written.
public struct DublinCore: Sendable, Codable, Equatable {
    /// dc:title.
    public var title: String
    /// Another title the item is known by (MODS `titleInfo type="alternative"`; a second dc:title).
    public var alternativeTitle: String?
    /// dc:creator, one per person or body.
    public var creators: [String]
    /// dc:subject, one per subject heading or keyword.
    public var subjects: [String]
    /// dc:description.
    public var description: String?
    /// dc:publisher.
    public var publisher: String?
    /// dc:contributor.
    public var contributors: [String]
    /// dc:date (W3CDTF where known, e.g. `1820` or `1936-05-01`).
    public var date: String?
    /// dc:type (DCMI Type Vocabulary, e.g. `Text`).
    public var type: String?
    /// dc:format (a MIME type, e.g. `image/tiff`).
    public var format: String?
    /// dc:identifier, e.g. the object id, a call number, a URL.
    public var identifiers: [String]
    /// dc:source.
    public var source: String?
    /// dc:language, ISO 639 codes (items are often bilingual, e.g. `vie` and `chi`).
    public var language: [String]
    /// dc:relation.
    public var relation: [String]
    /// dc:coverage (places, periods).
    public var coverage: [String]
    /// dc:rights.
    public var rights: String?
    /// The serial the item is an issue of (MODS `relatedItem type="host"`; `dc:relation` too).
    public var serial: SerialPart?

    /// Creates a description; only the title is required.
    public init(
        title: String, creators: [String] = [], subjects: [String] = [], description: String? = nil,
        publisher: String? = nil, contributors: [String] = [], date: String? = nil, type: String? = nil,
        format: String? = nil, identifiers: [String] = [], source: String? = nil, language: [String] = [],
        relation: [String] = [], coverage: [String] = [], rights: String? = nil
    ) {
        self.title = title
        self.creators = creators
        self.subjects = subjects
        self.description = description
        self.publisher = publisher
        self.contributors = contributors
        self.date = date
        self.type = type
        self.format = format
        self.identifiers = identifiers
        self.source = source
        self.language = language
        self.relation = relation
        self.coverage = coverage
        self.rights = rights
    }

    /// The elements in DCMES order as (local name, value) pairs, empty values left out.
    public var elements: [(name: String, value: String)] {
        func one(_ name: String, _ value: String?) -> [(name: String, value: String)] {
            guard let value, !value.isEmpty else { return [] }
            return [(name, value)]
        }
        func many(_ name: String, _ values: [String]) -> [(name: String, value: String)] {
            values.filter { !$0.isEmpty }.map { (name, $0) }
        }
        return one("title", title) + one("title", alternativeTitle) + many("creator", creators) + many("subject", subjects)
            + one("description", description) + one("publisher", publisher) + many("contributor", contributors)
            + one("date", date) + one("type", type) + one("format", format) + many("identifier", identifiers)
            + one("source", source) + many("language", language) + many("relation", relation + (serial?.relations ?? []))
            + many("coverage", coverage) + one("rights", rights)
    }
}
