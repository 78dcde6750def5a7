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
    /// Full-text searches that rank (a search not asked recently, or another page of one), which a
    /// reader waits on while typing: threads of their own at the server's own priority, one more than
    /// the cores (so the short ones are not held behind one ranking thousands of pages), and a
    /// waiting line long enough for a busy day (dozens of readers at once); beyond, 503.
    let searches = BoundedThreadPool(
        name: "tìm kiếm / searching", threads: ServerServices.searchThreads, capacity: 64, priority: .interactive)
    /// Searches whose result page a recent search kept (`Catalog.hasKeptResults`, about two in three
    /// on a busy day): a lane of their own, so that answering one (a fraction of a millisecond) never
    /// waits behind searches that rank.
    let keptSearches = BoundedThreadPool(name: "tìm kiếm / searching", threads: 1, capacity: 64, priority: .interactive)
    /// Pages made from many catalog rows or archived files (item pages, review screens): on threads
    /// of their own, so they never hold Swift's cooperative pool (one thread per core), which every
    /// request needs to go on; a little below searches and image tiles when the server is saturated.
    let pages = BoundedThreadPool(name: "trang / pages", threads: 2, capacity: 64, priority: .pages)
    /// OAI-PMH answers (a list reads a hundred records): machines harvesting, which can wait, so
    /// below pages (and above the bulk work: whole images at the largest size, password checks).
    let harvests = BoundedThreadPool(name: "OAI-PMH", threads: 2, capacity: 32, priority: .harvests)
    /// Uploads' file writes (`fsync`ed) and hashing, for the web form and `sohoa submit`'s chunks:
    /// blocking calls kept off Swift's cooperative pool; bulk work, at background priority. An upload
    /// holds at most one job at a time, so 64 uploads go on at once; beyond, 503.
    let uploads = BoundedThreadPool(name: "tải lên / uploads", threads: 2, capacity: 64, priority: .background)
    /// The review screens' queue figures and parsed ALTO pages.
    let reviews = ReviewCache()
    /// Sign-in attempts per client address and account.
    let signIns = SignInThrottle()
    /// Where submitted batches arrive (`submissions.inbox` in server.yaml).
    let submissionInbox: SubmissionInbox
    /// What readers do (COUNTER rules), counted in memory and written by `UsageFlushService`.
    let usage: UsageCounter
    /// The work queue of distributed runs whose figures the dashboard shows (`sohoa serve --queue`).
    let workQueue: (any WorkQueueWatch)?

    public var catalog: Catalog { session.catalog }
    public var root: OCFLStorageRoot { session.root }

    /// Threads for searches that rank: one more than the cores (at least 3).
    static let searchThreads = max(3, ProcessInfo.processInfo.activeProcessorCount + 1)

    /// The lane for a search: `keptSearches` when a recent search kept its result page, else `searches`.
    func searchLane(_ query: String, filters: SearchFilters, limit: Int, offset: Int) -> BoundedThreadPool {
        catalog.hasKeptResults(query, filters: filters, limit: limit, offset: offset) ? keptSearches : searches
    }

    /// Services over `session`; `usageClock` is the time the usage counter reads (tests replay logs);
    /// `workQueue`, the work queue of distributed runs whose figures the dashboard shows.
    public init(
        session: ArchiveSession, options: ServerOptions, workQueue: (any WorkQueueWatch)? = nil,
        usageClock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.session = session
        self.options = options
        self.workQueue = workQueue
        usage = UsageCounter(clock: usageClock)
        submissionInbox = SubmissionInbox(folder: options.submissions.inboxFolder(archive: options.archive))
    }
}
