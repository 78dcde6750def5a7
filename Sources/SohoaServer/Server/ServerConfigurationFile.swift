import Foundation
import SohoaSharing
import Yams

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
            root = try Yams.load(yaml: text)
        } catch {
            throw ServerConfigurationError("\(file): not valid YAML: \(error)")
        }
        guard let root else { return }
        guard let map = root as? [String: Any] else {
            throw ServerConfigurationError("\(file): the file must be a YAML mapping with a 'sharing:' section")
        }
        try allowOnly(map, keys: ["sharing"], at: nil, file: file)
        guard let value = map["sharing"] else { return }
        guard let sharing = value as? [String: Any] else {
            throw ServerConfigurationError("\(file): 'sharing' must be a mapping of keys (repository-name, admin-email, …)")
        }
        try allowOnly(
            sharing, keys: ["repository-name", "admin-email", "repository-identifier", "restricted", "page-size"],
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
        options.sharing = config
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
