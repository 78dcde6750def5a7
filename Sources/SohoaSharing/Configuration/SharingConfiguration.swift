/// What the archive shares with other libraries and viewers (issue 7): `sharing:` in
/// `<archive>/server.yaml`.
public struct SharingConfiguration: Sendable, Equatable {
    /// What harvesters and IIIF viewers see of restricted items.
    public enum RestrictedExposure: String, Sendable, CaseIterable {
        /// Nothing: restricted items are left out like closed ones.
        case hidden
        /// Descriptive metadata in OAI-PMH (no page images or text in IIIF).
        case metadata
    }

    /// `repositoryName` in Identify.
    public var repositoryName: String
    /// `adminEmail` in Identify.
    public var adminEmail: String
    /// The `<repository-id>` in `oai:<repository-id>:<item-id>` (a domain name, e.g. `thuvien.laichau.gov.vn`).
    public var repositoryIdentifier: String
    public var restricted: RestrictedExposure
    /// How many records one OAI-PMH list response holds before a resumption token.
    public var pageSize: Int
    /// How the IIIF Image API serves: size limits and renders at once (`iiif:`).
    public var iiif: IIIFSettings

    /// The default number of records per OAI-PMH list response.
    public static let defaultPageSize = 100

    public init(
        repositoryName: String = "Thư viện số tỉnh Lai Châu", adminEmail: String = "admin@example.org",
        repositoryIdentifier: String = "sohoa.local", restricted: RestrictedExposure = .hidden,
        pageSize: Int = SharingConfiguration.defaultPageSize, iiif: IIIFSettings = IIIFSettings()
    ) {
        self.repositoryName = repositoryName
        self.adminEmail = adminEmail
        self.repositoryIdentifier = repositoryIdentifier
        self.restricted = restricted
        self.pageSize = pageSize
        self.iiif = iiif
    }

    /// Whether `text` is a repository identifier the oai-identifier scheme allows: a domain name
    /// such as `thuvien.laichau.gov.vn` (letters, digits and `-`, at least two labels).
    public static func isRepositoryIdentifier(_ text: String) -> Bool {
        text.wholeMatch(of: /[a-zA-Z][a-zA-Z0-9\-]*(\.[a-zA-Z][a-zA-Z0-9\-]*)+/) != nil
    }

    /// Whether `text` is an e-mail address OAI-PMH's schema accepts (`name@host.domain`).
    public static func isAdminEmail(_ text: String) -> Bool {
        text.wholeMatch(of: /\S+@(\S+\.)+\S+/) != nil
    }
}
