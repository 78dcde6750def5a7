/// The person or software recorded as the author of an OCFL version.
public struct VersionUser: Sendable, Equatable, Codable {
    /// Display name, e.g. "Nguyễn Văn A" or "sohoa pipeline".
    public var name: String
    /// A URI identifying the user, e.g. `mailto:thuvien@example.vn`; optional.
    public var address: String?

    /// Creates a version user.
    public init(name: String, address: String? = nil) {
        self.name = name
        self.address = address
    }
}
