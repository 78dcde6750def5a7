/// A checked OAI-PMH request: the verb and its arguments (OAI-PMH 2.0 §3.1, §4).
public struct OAIRequest: Sendable, Equatable {
    public var verb: OAIVerb
    public var identifier: String?
    public var metadataPrefix: String?
    public var from: OAIDatestamp?
    public var until: OAIDatestamp?
    public var set: String?
    public var resumptionToken: String?
    /// Every argument as given (the verb included), for the response's `<request>` element.
    public var arguments: [String: String]

    /// Checks a request's arguments (name → every value given). Throws `badVerb` for a missing,
    /// repeated or unknown verb, and `badArgument` for a repeated, unknown, missing or malformed
    /// argument, or a `resumptionToken` that is not alone.
    public static func parse(_ arguments: [String: [String]]) throws(OAIError) -> OAIRequest {
        guard let verbs = arguments["verb"], !verbs.isEmpty else {
            throw OAIError(.badVerb, "The verb argument is missing.")
        }
        guard verbs.count == 1 else { throw OAIError(.badVerb, "The verb argument is repeated.") }
        guard let verb = OAIVerb(rawValue: verbs[0]) else {
            throw OAIError(
                .badVerb,
                "'\(verbs[0])' is not an OAI-PMH verb; use one of \(OAIVerb.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        var single: [String: String] = [:]
        for (name, values) in arguments where name != "verb" {
            let allowed = verb.required.union(verb.optional).union(verb.takesResumptionToken ? ["resumptionToken"] : [])
            guard allowed.contains(name) else {
                throw OAIError(.badArgument, "\(verb.rawValue) does not take the argument '\(name)'.")
            }
            guard values.count == 1 else { throw OAIError(.badArgument, "The argument '\(name)' is repeated.") }
            guard !values[0].isEmpty else { throw OAIError(.badArgument, "The argument '\(name)' is empty.") }
            single[name] = values[0]
        }
        var request = OAIRequest(
            verb: verb, identifier: single["identifier"], metadataPrefix: single["metadataPrefix"], set: single["set"],
            resumptionToken: single["resumptionToken"], arguments: single.merging(["verb": verb.rawValue]) { a, _ in a })
        if request.resumptionToken != nil {
            guard single.count == 1 else {
                throw OAIError(.badArgument, "resumptionToken is an exclusive argument: send it with the verb only.")
            }
            return request
        }
        for name in verb.required.sorted() where single[name] == nil {
            throw OAIError(.badArgument, "\(verb.rawValue) needs the argument '\(name)'.")
        }
        if let text = single["from"] {
            guard let date = OAIDatestamp(argument: text) else {
                throw OAIError(.badArgument, "from='\(text)' is not a date YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ.")
            }
            request.from = date
        }
        if let text = single["until"] {
            guard let date = OAIDatestamp(argument: text) else {
                throw OAIError(.badArgument, "until='\(text)' is not a date YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ.")
            }
            request.until = date
        }
        if let from = request.from, let until = request.until {
            guard from.granularity == until.granularity else {
                throw OAIError(.badArgument, "from and until must have the same granularity.")
            }
            guard from.date <= until.date else { throw OAIError(.badArgument, "from is later than until.") }
        }
        return request
    }

    init(
        verb: OAIVerb, identifier: String? = nil, metadataPrefix: String? = nil, from: OAIDatestamp? = nil,
        until: OAIDatestamp? = nil, set: String? = nil, resumptionToken: String? = nil, arguments: [String: String]
    ) {
        self.verb = verb
        self.identifier = identifier
        self.metadataPrefix = metadataPrefix
        self.from = from
        self.until = until
        self.set = set
        self.resumptionToken = resumptionToken
        self.arguments = arguments
    }
}
