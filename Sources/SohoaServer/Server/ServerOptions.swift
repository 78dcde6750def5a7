import Foundation
import SohoaCollection
import SohoaSharing

/// How `sohoa serve` runs: where, for which archive, and what it shares.
public struct ServerOptions: Sendable {
    /// The archive folder (OCFL root with `catalog.sqlite`).
    public var archive: URL
    public var host: String
    public var port: Int
    /// The address readers and harvesters use, without a trailing slash (e.g. `https://thuvien.laichau.gov.vn`);
    /// used in OAI-PMH and IIIF ids. Default `http://<host>:<port>`.
    public var publicURL: String
    /// The server is reached through HTTPS (`https://` public URL): cookies get `Secure` and the
    /// `__Host-` prefix, and responses carry `Strict-Transport-Security`.
    public var secureCookies: Bool
    /// How long a sign-in lasts.
    public var sessionLifetime: TimeInterval
    /// OAI-PMH and IIIF settings (`sharing:` in `<archive>/server.yaml`).
    public var sharing: SharingConfiguration
    /// The rights of items without their own (`rights:` in `<archive>/server.yaml`).
    public var rights = RightsDefaults()
    /// Sizes, quotas and the inbox for submitted batches (`submissions:` in `<archive>/server.yaml`).
    public var submissions = SubmissionSettings()
    /// Seconds a connection may stay silent (no request, or a request sent too slowly) before the
    /// server closes it.
    public var idleTimeout = 30

    /// Seconds after a reviewer's last save of a page before their saves become an archive version
    /// (approving or moving to another page does it at once); 0 writes drafts only then and at start/stop.
    public var reviewQuietPeriod: TimeInterval = 120

    public init(
        archive: URL, host: String = "127.0.0.1", port: Int = 8080, publicURL: String? = nil, secureCookies: Bool = false,
        sessionLifetime: TimeInterval = 12 * 3600, sharing: SharingConfiguration = SharingConfiguration()
    ) {
        self.archive = archive
        self.host = host
        self.port = port
        self.publicURL = PublicAddress.trimmed(publicURL ?? "http://\(host):\(port)")
        self.secureCookies = secureCookies
        self.sessionLifetime = sessionLifetime
        self.sharing = sharing
    }
}
