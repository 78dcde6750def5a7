import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaPipeline

/// What every route works with: the archive (OCFL root and catalog) and the options. One per server.
public final class ServerServices: Sendable {
    public let session: ArchiveSession
    public let options: ServerOptions

    /// Password checks (bcrypt, slow on purpose): one thread of their own at a low CPU priority (a
    /// flood of wrong passwords must not slow readers down), at most 16 waiting.
    let passwordChecks = BoundedThreadPool(name: "đăng nhập / signing in", threads: 1, capacity: 16, lowPriority: true)
    /// Full-text searches: two threads of their own (one per core of a small server), and a waiting
    /// line long enough for a busy day (dozens of readers at once); beyond, 503.
    let searches = BoundedThreadPool(name: "tìm kiếm / searching", threads: 2, capacity: 64)
    /// Pages made from many catalog rows or archived files (item pages, OAI-PMH lists, review
    /// screens): on threads of their own, so they never hold Swift's cooperative pool (one thread per
    /// core), which every request needs to go on.
    let pages = BoundedThreadPool(name: "trang / pages", threads: 2, capacity: 64)
    /// The review screens' queue figures and parsed ALTO pages.
    let reviews = ReviewCache()
    /// Sign-in attempts per client address and account.
    let signIns = SignInThrottle()

    public var catalog: Catalog { session.catalog }
    public var root: OCFLStorageRoot { session.root }

    public init(session: ArchiveSession, options: ServerOptions) {
        self.session = session
        self.options = options
    }
}
