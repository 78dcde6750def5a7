/// The six OAI-PMH 2.0 requests, with the arguments each takes (§4).
public enum OAIVerb: String, Sendable, CaseIterable {
    case identify = "Identify"
    case listMetadataFormats = "ListMetadataFormats"
    case listSets = "ListSets"
    case getRecord = "GetRecord"
    case listIdentifiers = "ListIdentifiers"
    case listRecords = "ListRecords"

    /// Arguments that must be present (unless the resumption token is given, for lists).
    var required: Set<String> {
        switch self {
        case .identify, .listMetadataFormats, .listSets: []
        case .getRecord: ["identifier", "metadataPrefix"]
        case .listIdentifiers, .listRecords: ["metadataPrefix"]
        }
    }

    /// Arguments that may be present.
    var optional: Set<String> {
        switch self {
        case .identify, .listSets, .getRecord: []
        case .listMetadataFormats: ["identifier"]
        case .listIdentifiers, .listRecords: ["from", "until", "set"]
        }
    }

    /// Whether `resumptionToken` is allowed (then as the only argument besides the verb).
    var takesResumptionToken: Bool {
        switch self {
        case .listSets, .listIdentifiers, .listRecords: true
        case .identify, .listMetadataFormats, .getRecord: false
        }
    }
}
