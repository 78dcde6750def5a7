import Foundation
import SohoaArchive
import SohoaCatalog

/// Where a harvest of a list stands: the original request, the moment the harvest began (records
/// changed later are left for the next harvest, so the list's size holds), and the last record
/// sent. Opaque to harvesters: base64url of JSON, a dot, and base64url of its HMAC-SHA256 with the
/// archive's key, so a changed token is refused.
public struct OAIResumptionToken: Codable, Sendable, Equatable {
    /// `ListIdentifiers` or `ListRecords`.
    public var verb: String
    public var metadataPrefix: String
    public var set: String?
    /// `from` and `until` as the harvester gave them.
    public var from: String?
    public var until: String?
    /// When the harvest began, in milliseconds since 1970 (records with later datestamps are not listed).
    public var snapshot: Int64
    /// The last record sent.
    public var after: OAIListPosition
    /// When the token stops being accepted, in seconds since 1970.
    public var expires: Int64

    /// The token's format version; a token of another version is refused.
    var version: Int = 2

    public init(
        verb: String, metadataPrefix: String, set: String?, from: String?, until: String?, snapshot: Int64,
        after: OAIListPosition, expires: Int64
    ) {
        self.verb = verb
        self.metadataPrefix = metadataPrefix
        self.set = set
        self.from = from
        self.until = until
        self.snapshot = snapshot
        self.after = after
        self.expires = expires
    }

    enum CodingKeys: String, CodingKey {
        case verb = "v", metadataPrefix = "p", set = "s", from = "f", until = "u", snapshot = "t", after = "a",
            expires = "x", version = "n"
    }

    /// The token as harvesters see it, signed with `secret`.
    public func encoded(signedWith secret: ArchiveSecret) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = (try? encoder.encode(self)) ?? Data()
        return Self.base64URL(data) + "." + Self.base64URL(secret.authenticationCode(for: data))
    }

    /// Reads a token for `verb`; throws `badResumptionToken` when it is not one of ours (or was
    /// changed: its signature does not match `secret`), is for another verb, or has expired.
    public static func decode(
        _ text: String, verb: OAIVerb, now: Date, secret: ArchiveSecret
    ) throws(OAIError) -> OAIResumptionToken {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let data = data(base64URL: parts[0]), let code = Self.data(base64URL: parts[1]),
            secret.isValid(code, for: data),
            let token = try? JSONDecoder().decode(OAIResumptionToken.self, from: data),
            token.version == 2
        else {
            throw OAIError(.badResumptionToken, "The resumption token is not one this repository issued.")
        }
        guard token.verb == verb.rawValue else {
            throw OAIError(.badResumptionToken, "The resumption token belongs to a \(token.verb) request, not \(verb.rawValue).")
        }
        guard Int64(now.timeIntervalSince1970) <= token.expires else {
            throw OAIError(.badResumptionToken, "The resumption token has expired; start the harvest again.")
        }
        return token
    }

    private static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    private static func data(base64URL text: Substring) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }

    /// When the token expires.
    public var expirationDate: Date { Date(timeIntervalSince1970: TimeInterval(expires)) }

    /// When the harvest began.
    public var snapshotDate: Date { Date(timeIntervalSince1970: TimeInterval(snapshot) / 1000) }
}
