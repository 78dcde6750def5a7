/// The person reviewing a page in `sohoa serve`: their account and the name people know them by.
public struct Reviewer: Codable, Sendable, Equatable {
    /// The account's id in the catalog (`users.id`), when there is one.
    public var userID: Int64?
    /// The account name (`users.name`).
    public var account: String
    /// The name to show (`users.displayName`).
    public var displayName: String?

    /// A reviewer.
    public init(userID: Int64?, account: String, displayName: String?) {
        self.userID = userID
        self.account = account
        self.displayName = displayName
    }

    /// Display name and account name, as recorded in PREMIS events, ALTO and the catalog:
    /// `Lò Thị Mai (mai)`, or the account name alone.
    public var recordedName: String {
        let display = (displayName ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return display.isEmpty || display == account ? account : "\(display) (\(account))"
    }
}
