/// An object's head version as read at one moment: its name and its state.
public struct ObjectHead: Sendable, Equatable {
    /// The head version ("v3").
    public var version: String
    /// Logical path → SHA-512 of the head version.
    public var state: [String: String]

    /// A head value.
    public init(version: String, state: [String: String]) {
        self.version = version
        self.state = state
    }
}
