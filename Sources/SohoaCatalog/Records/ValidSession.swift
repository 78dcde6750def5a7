/// A session that still signs someone in, with its user and the libraries whose items they work on.
public struct ValidSession: Sendable, Equatable {
    public var session: SessionRecord
    public var user: UserRecord
    /// Which libraries' items the user works on.
    public var scope: AccessScope

    public init(session: SessionRecord, user: UserRecord, scope: AccessScope = .everything) {
        self.session = session
        self.user = user
        self.scope = scope
    }
}
