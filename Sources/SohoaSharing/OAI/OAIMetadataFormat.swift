import SohoaCollection

/// The metadata formats the repository disseminates: every record is available in each.
public enum OAIMetadataFormat: String, Sendable, CaseIterable {
    /// Simple Dublin Core (mandatory in OAI-PMH).
    case oaiDC = "oai_dc"
    /// MODS 3.8, as in the item's archived METS.
    case mods
    /// MARC 21 bibliographic records in MARCXML (MARC 21 slim), as `sohoa export --format marcxml` writes them.
    case marc21

    /// The format's XML schema.
    public var schema: String {
        switch self {
        case .oaiDC: "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
        case .mods: "http://www.loc.gov/standards/mods/v3/mods-3-8.xsd"
        case .marc21: MARCXMLWriter.schema
        }
    }

    /// The namespace of the format's root element.
    public var namespace: String {
        switch self {
        case .oaiDC: "http://www.openarchives.org/OAI/2.0/oai_dc/"
        case .mods: "http://www.loc.gov/mods/v3"
        case .marc21: MARCXMLWriter.namespace
        }
    }
}
