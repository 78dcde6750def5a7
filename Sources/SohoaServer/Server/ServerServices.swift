import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaCollection

/// What every route works with: the archive (OCFL root and catalog) and the options. One per server.
public final class ServerServices: Sendable {
    public let session: ArchiveSession
    public let options: ServerOptions

    /// Password checks (bcrypt, slow on purpose): one thread of their own at background priority (a
    /// flood of wrong passwords must not slow readers down), at most 16 waiting.
    let passwordChecks = BoundedThreadPool(name: "đăng nhập / signing in", threads: 1, capacity: 16, priority: .background)
    /// Full-text searches, which a reader waits on while typing: threads of their own at the
    /// server's own priority, and a waiting line long enough for a busy day (dozens of readers at
    /// once); beyond, 503.
    let searches = BoundedThreadPool(
        name: "tìm kiếm / searching", threads: ServerServices.searchThreads, capacity: 64, priority: .interactive)
    /// Pages made from many catalog rows or archived files (item pages, review screens): on threads
    /// of their own, so they never hold Swift's cooperative pool (one thread per core), which every
    /// request needs to go on; a little below searches and image tiles when the server is saturated.
    let pages = BoundedThreadPool(name: "trang / pages", threads: 2, capacity: 64, priority: .pages)
    /// OAI-PMH answers (a list reads a hundred records): machines harvesting, which can wait, so
    /// below pages (and above the bulk work: whole images at the largest size, password checks).
    let harvests = BoundedThreadPool(name: "OAI-PMH", threads: 2, capacity: 32, priority: .harvests)
    /// The review screens' queue figures and parsed ALTO pages.
    let reviews = ReviewCache()
    /// Sign-in attempts per client address and account.
    let signIns = SignInThrottle()

    public var catalog: Catalog { session.catalog }
    public var root: OCFLStorageRoot { session.root }

    /// Threads for searches: one per core (at least 2).
    static let searchThreads = max(2, ProcessInfo.processInfo.activeProcessorCount)

    public init(session: ArchiveSession, options: ServerOptions) {
        self.session = session
        self.options = options
    }
}
