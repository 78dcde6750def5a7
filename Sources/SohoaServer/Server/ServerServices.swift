import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaPipeline

/// What every route works with: the archive (OCFL root and catalog) and the options. One per server.
public final class ServerServices: Sendable {
    public let session: ArchiveSession
    public let options: ServerOptions

    /// Password checks (bcrypt, slow on purpose): one thread of their own, at most 16 waiting.
    let passwordChecks = BoundedThreadPool(name: "đăng nhập / signing in", threads: 1, capacity: 16)
    /// Full-text searches: two threads of their own, at most 8 running or waiting.
    let searches = BoundedThreadPool(name: "tìm kiếm / searching", threads: 2, capacity: 8)
    /// Sign-in attempts per client address and account.
    let signIns = SignInThrottle()

    public var catalog: Catalog { session.catalog }
    public var root: OCFLStorageRoot { session.root }

    public init(session: ArchiveSession, options: ServerOptions) {
        self.session = session
        self.options = options
    }
}
