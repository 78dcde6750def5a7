import Foundation
import SohoaCollection
import SohoaSharing

/// `<archive>/server.yaml`: the server's settings kept with the archive (the `sharing:` section for
/// OAI-PMH and IIIF). A missing file means the defaults. Read strictly: an unknown key or a bad
/// value is an error naming the key and the file.
///
/// ```yaml
/// sharing:
///   repository-name: "Thư viện số tỉnh Lai Châu"
///   admin-email: thuvien@laichau.gov.vn
///   repository-identifier: thuvien.laichau.gov.vn
///   restricted: hidden        # or metadata: harvesters get restricted items' descriptions
///   page-size: 100            # records per OAI-PMH list response
///   iiif:                     # the IIIF Image API
///     max-width: 10000        # widest image answered, in pixels (info.json maxWidth)
///     max-height: 10000       # tallest (maxHeight)
///     max-area: 25000000      # most pixels in one image (maxArea)
///     renders: 2              # images made at once (default: one per processor)
///     waiting: 32             # requests waiting for their turn; beyond, 503 and Retry-After
/// rights:                     # items without rights of their own (see RightsDefaults)
///   default: http://rightsstatements.org/vocab/CNE/1.0/
/// submissions:                # batches sent by district stations (see SubmissionSettings)
///   max-size: 20G
/// ```
public enum ServerConfigurationFile {
    /// The file's name inside the archive folder.
    public static let fileName = "server.yaml"

    /// Reads `<options.archive>/server.yaml`, if there is one, into `options`.
    public static func apply(to options: inout ServerOptions) throws(ServerConfigurationError) {
        let url = options.archive.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ServerConfigurationError("\(url.path): cannot be read as UTF-8 text (\(error.localizedDescription))")
        }
        try apply(text, file: url.path, to: &options)
    }

    /// Reads server.yaml's text into `options`; `file` names it in errors.
    public static func apply(_ text: String, file: String, to options: inout ServerOptions) throws(ServerConfigurationError) {
        let root: Any?
        do {
            root = try YAMLText.load(text)
        } catch {
            throw ServerConfigurationError("\(file): not valid YAML: \(error)")
        }
        guard let root else { return }
        guard let map = root as? [String: Any] else {
            throw ServerConfigurationError("\(file): the file must be a YAML mapping with a 'sharing:' section")
        }
        try allowOnly(map, keys: ["sharing", "rights", "submissions"], at: nil, file: file)
        if let value = map["submissions"] {
            options.submissions = try submissionSettings(value, file: file, archive: options.archive)
        }
        if let value = map["rights"] {
            do throws(RightsDefaultsError) {
                options.rights = try RightsDefaults.parse(value, file: file)
            } catch {
                throw ServerConfigurationError(error.description)
            }
        }
        guard let value = map["sharing"] else { return }
        guard let sharing = value as? [String: Any] else {
            throw ServerConfigurationError("\(file): 'sharing' must be a mapping of keys (repository-name, admin-email, …)")
        }
        try allowOnly(
            sharing, keys: ["repository-name", "admin-email", "repository-identifier", "restricted", "page-size", "iiif"],
            at: "sharing", file: file)
        var config = options.sharing
        if let v = sharing["repository-name"] {
            config.repositoryName = try string(v, key: "sharing.repository-name", file: file)
        }
        if let v = sharing["admin-email"] {
            let email = try string(v, key: "sharing.admin-email", file: file)
            guard SharingConfiguration.isAdminEmail(email) else {
                throw ServerConfigurationError("\(file): sharing.admin-email: '\(email)' is not an e-mail address")
            }
            config.adminEmail = email
        }
        if let v = sharing["repository-identifier"] {
            let identifier = try string(v, key: "sharing.repository-identifier", file: file)
            guard SharingConfiguration.isRepositoryIdentifier(identifier) else {
                throw ServerConfigurationError(
                    "\(file): sharing.repository-identifier: '\(identifier)' is not a domain name "
                        + "(letters, digits and '-', labels joined by '.', e.g. thuvien.laichau.gov.vn)")
            }
            config.repositoryIdentifier = identifier
        }
        if let v = sharing["restricted"] {
            let name = try string(v, key: "sharing.restricted", file: file)
            guard let exposure = SharingConfiguration.RestrictedExposure(rawValue: name) else {
                throw ServerConfigurationError(
                    "\(file): sharing.restricted: '\(name)' is not allowed; use "
                        + SharingConfiguration.RestrictedExposure.allCases.map(\.rawValue).joined(separator: " or "))
            }
            config.restricted = exposure
        }
        if let v = sharing["page-size"] {
            guard let size = v as? Int, (1...1000).contains(size) else {
                throw ServerConfigurationError("\(file): sharing.page-size: must be a whole number from 1 to 1000")
            }
            config.pageSize = size
        }
        if let v = sharing["iiif"] {
            config.iiif = try iiifSettings(v, file: file)
        }
        options.sharing = config
    }

    /// `sharing.iiif`: limits and render counts, each a whole number in its range.
    private static func iiifSettings(_ value: Any, file: String) throws(ServerConfigurationError) -> IIIFSettings {
        guard let map = value as? [String: Any] else {
            throw ServerConfigurationError(
                "\(file): 'sharing.iiif' must be a mapping of keys (max-width, max-height, max-area, renders, waiting)")
        }
        try allowOnly(map, keys: ["max-width", "max-height", "max-area", "renders", "waiting"], at: "sharing.iiif", file: file)
        func number(_ key: String, _ range: ClosedRange<Int>, default fallback: Int) throws(ServerConfigurationError) -> Int {
            guard let v = map[key] else { return fallback }
            guard let n = v as? Int, range.contains(n) else {
                throw ServerConfigurationError(
                    "\(file): sharing.iiif.\(key): must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return n
        }
        let standard = IIIFSettings()
        // At least one tile (512 pixels) a side; at most what a 64-bit size computation never overflows.
        let limits = IIIFLimits(
            maxWidth: try number("max-width", 512...100_000, default: standard.limits.maxWidth),
            maxHeight: try number("max-height", 512...100_000, default: standard.limits.maxHeight),
            maxArea: try number("max-area", 262_144...1_000_000_000, default: standard.limits.maxArea))
        return IIIFSettings(
            limits: limits, concurrentRenders: try number("renders", 1...256, default: standard.concurrentRenders),
            waitingRenders: try number("waiting", 0...10_000, default: standard.waitingRenders))
    }

    private static func allowOnly(
        _ map: [String: Any], keys: [String], at section: String?, file: String
    ) throws(ServerConfigurationError) {
        for key in map.keys.sorted() where !keys.contains(key) {
            let path = section.map { "\($0).\(key)" } ?? key
            throw ServerConfigurationError(
                "\(file): unknown key '\(path)'; allowed\(section.map { " in \($0)" } ?? ""): \(keys.joined(separator: ", "))")
        }
    }

    private static func string(_ value: Any, key: String, file: String) throws(ServerConfigurationError) -> String {
        guard let text = value as? String, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ServerConfigurationError("\(file): \(key): must be non-empty text")
        }
        return text.precomposedStringWithCanonicalMapping
    }
}

/// `server.yaml` cannot be used; the message names the file and the key.
public struct ServerConfigurationError: Error, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
