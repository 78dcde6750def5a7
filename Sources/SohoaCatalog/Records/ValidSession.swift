/// A session that still signs someone in, with its user.
public struct ValidSession: Sendable, Equatable {
    public var session: SessionRecord
    public var user: UserRecord

    public init(session: SessionRecord, user: UserRecord) {
        self.session = session
        self.user = user
    }
}
