import Foundation
import Hummingbird
import SohoaArchive
import SohoaCatalog
import SohoaCollection

/// The review routes (DESIGN §9, issue 6), for archivists: the queue (`GET /review`), one page
/// (`GET /review/<page-id>`), and its forms (`POST /review/<page-id>/save`, `…/approve`, `…/rescan`).
/// Pages of items that are not archived, withdrawn or closed are 404 here too.
enum ReviewRoutes {
    static func add(to router: Router<AppRequestContext>, services: ServerServices) {
        let writer = ReviewWriter(session: services.session, quietPeriod: services.options.reviewQuietPeriod)
        router.get("/review") { request, context -> Response in
            _ = try context.requireUser(where: \.canReview)
            return try await services.pages.run { try queue(request, context: context, services: services) }
        }
        router.get("/review/:page") { request, context -> Response in
            _ = try context.requireUser(where: \.canReview)
            let entry = try reviewable(context, services: services)
            let query = try ReviewQueueQuery(scope: context.scope) { request.uri.queryParameters.get($0) }
            let saved = request.uri.queryParameters.get("saved")
            let notice = saved.map { saved -> ReviewPageView.Notice in
                saved == "pending" ? .savedPending : .saved(version: saved.isEmpty ? nil : saved)
            }
            return try await services.pages.run {
                .html(try view(of: entry, query: query, notice: notice, services: services).render(context: context))
            }
        }
        router.post("/review/:page/save") { request, context -> Response in
            try await save(request, context: context, approve: false, services: services, writer: writer)
        }
        router.post("/review/:page/approve") { request, context -> Response in
            try await save(request, context: context, approve: true, services: services, writer: writer)
        }
        router.post("/review/:page/rescan") { request, context -> Response in
            try await rescan(request, context: context, services: services, writer: writer)
        }
    }

    /// The queue page.
    private static func queue(_ request: Request, context: AppRequestContext, services: ServerServices) throws -> Response {
        let query = try ReviewQueueQuery(scope: context.scope) { request.uri.queryParameters.get($0) }
        let catalog = services.catalog
        let cache = services.reviews
        let offset = (query.page - 1) * ReviewQueueQuery.pageSize
        let entries = try cache.value(.queue(query.section, query.filter, limit: ReviewQueueQuery.pageSize, offset: offset)) {
            () throws(CatalogError) in
            try catalog.reviewQueue(section: query.section, filter: query.filter, limit: ReviewQueueQuery.pageSize, offset: offset)
        }
        let notice =
            request.uri.queryParameters.get("done") != nil
            ? context.language.pick("Không còn trang nào tiếp theo trong phần này.", "No more pages in this part of the queue.") : nil
        let counts = try cache.value(.counts(query.filter)) { () throws(CatalogError) in
            try catalog.reviewQueueCounts(filter: query.filter)
        }
        // Suspect pages (issue 11) are shown first, above the list of pages to read.
        let suspects =
            query.section == .text && query.page == 1 && counts.suspect > 0
            ? try cache.value(.queue(.suspect, query.filter, limit: ReviewQueueView.suspectsShown, offset: 0)) {
                () throws(CatalogError) in
                try catalog.reviewQueue(section: .suspect, filter: query.filter, limit: ReviewQueueView.suspectsShown)
            } : []
        let scope = context.scope
        let libraries = try cache.value(.libraries(scope)) { () throws(CatalogError) in try catalog.reviewLibraries(scope: scope) }
        let view = ReviewQueueView(
            query: query, counts: counts, entries: entries, libraries: libraries, notice: notice, suspects: suspects)
        return .html(view.render(context: context))
    }

    /// The page named in the path, if the review screens may show it to this user; 404 otherwise
    /// (also for another library's page).
    private static func reviewable(_ context: AppRequestContext, services: ServerServices) throws -> ReviewQueueEntry {
        guard let pageID = Int64(try context.parameters.require("page")),
            let entry = try services.catalog.reviewEntry(pageID: pageID, scope: context.scope),
            entry.isReviewable
        else { throw HTTPError(.notFound) }
        return entry
    }

    /// The page view of `entry` with its archived words and the next page of the queue.
    private static func view(
        of entry: ReviewQueueEntry, query: ReviewQueueQuery, notice: ReviewPageView.Notice?, services: ServerServices
    ) throws -> ReviewPageView {
        let catalog = services.catalog
        let next = try services.reviews.value(.next(pageID: entry.pageID, section: entry.section, filter: query.filter)) {
            () throws(CatalogError) in
            try catalog.nextInReviewQueue(after: entry, filter: query.filter)
        }
        var view = ReviewPageView(
            entry: entry, alto: try ArchivedALTO.page(for: entry, in: services), next: next, query: query, notice: notice)
        // Labels count by the page's place in the version (a split spread's halves share a sequence);
        // a page not archived has no place, and no other page's label.
        if let structure = try catalog.structureJSON(itemID: entry.itemID).flatMap(ItemStructure.init(json:)),
            let position = try catalog.pagePositions(itemID: entry.itemID)[entry.pageName]
        {
            view.pageLabel = structure.label(ofPage: position).map { ($0, position) }
        }
        return view
    }

    /// Save (and approve): the changed lines are kept at once (catalog text, search, a draft in the
    /// archive's work area) and become one archive version on approval, when the reviewer saves
    /// another page, or after the quiet period; 409 with the typed text kept when someone saved the
    /// page since it was opened.
    private static func save(
        _ request: Request, context: AppRequestContext, approve: Bool, services: ServerServices, writer: ReviewWriter
    ) async throws -> Response {
        let user = try context.requireUser(where: \.canReview)
        let entry = try reviewable(context, services: services)
        // The queue moves once the write below is done (whether or not it succeeds).
        defer { services.reviews.changed() }
        let form = try await FormFields.read(request, context: context)
        let query = try ReviewQueueQuery(scope: context.scope) { form[$0] }
        var typed: [String: String] = [:]
        var originals: [String: String] = [:]
        for pair in form.pairs where pair.name.hasPrefix("orig.") && originals[String(pair.name.dropFirst(5))] == nil {
            originals[String(pair.name.dropFirst(5))] = pair.value
        }
        for pair in form.pairs where pair.name.hasPrefix("line.") {
            let lineID = String(pair.name.dropFirst(5))
            let text = pair.value
            let original = originals[lineID]
            if let original, Self.words(original) == Self.words(text) { continue }
            typed[lineID] = text
        }
        guard let revision = form["revision"].flatMap({ Int($0) }) else {
            var view = try view(of: entry, query: query, notice: .problem(missingRevision(context.language)), services: services)
            view.unsaved = typed
            return .html(view.render(context: context), status: .badRequest)
        }
        let review = PageReview(pageID: entry.pageID, revision: revision, lines: typed, approve: approve)
        let reviewer = Reviewer(userID: user.id, account: user.name, displayName: user.displayName)
        let session = services.session
        let result: PageReviewResult
        do throws(PageReviewError) {
            result = try await writer.run { () throws(PageReviewError) -> PageReviewResult in
                try PageCorrection(session: session).review(review, by: reviewer, coalesce: true)
            }
        } catch {
            let status: HTTPResponse.Status
            let notice: ReviewPageView.Notice
            switch error {
            case .noSuchPage, .notReviewable:
                throw HTTPError(.notFound)
            case .staleRevision(_, let current):
                status = .conflict
                notice = .conflict(current: current)
            case .archiveChanged:
                status = .conflict
                notice = .conflict(current: (try? services.catalog.reviewEntry(pageID: entry.pageID))?.revision ?? revision)
            case .invalid(let reason):
                status = .badRequest
                notice = .problem(context.language.pick("Không lưu được: ", "Not saved: ") + reason)
            case .failed(let reason):
                context.logger.error("review of page \(entry.pageID) failed: \(reason)")
                status = .internalServerError
                notice = .problem(
                    context.language.pick(
                        "Máy chủ không lưu được trang này; phần bạn gõ vẫn còn bên dưới. Xin thử lại; nếu vẫn lỗi, báo cho quản trị viên.",
                        "The server could not save this page; what you typed is still below. Try again; if it persists, tell the administrator."
                    ))
            }
            let current = try services.catalog.reviewEntry(pageID: entry.pageID) ?? entry
            var view = try view(of: current, query: query, notice: notice, services: services)
            view.unsaved = typed
            return .html(view.render(context: context), status: status)
        }
        if approve {
            return .seeOther(try nextURL(after: entry, query: query, services: services))
        }
        let saved = result.version ?? (result.pending ? "pending" : "")
        return .seeOther(query.pageURL(entry.pageID, extra: "saved=\(ReviewQueueQuery.encode(saved))"))
    }

    /// Send for rescanning, with a reason scanning staff see in `sohoa status`.
    private static func rescan(
        _ request: Request, context: AppRequestContext, services: ServerServices, writer: ReviewWriter
    ) async throws -> Response {
        let user = try context.requireUser(where: \.canReview)
        let entry = try reviewable(context, services: services)
        defer { services.reviews.changed() }
        let form = try await FormFields.read(request, context: context)
        let query = try ReviewQueueQuery(scope: context.scope) { form[$0] }
        let reason = Self.words(form["reason"] ?? "").joined(separator: " ")
        guard !reason.isEmpty else {
            var view = try view(
                of: entry, query: query,
                notice: .problem(context.language.pick("Hãy ghi lý do cần quét lại.", "Say why the page must be scanned again.")),
                services: services)
            view.unsavedReason = ""
            return .html(view.render(context: context), status: .badRequest)
        }
        let reviewer = Reviewer(userID: user.id, account: user.name, displayName: user.displayName).recordedName
        let catalog = services.catalog
        let text = String(reason.prefix(500))
        try await writer.run { () throws(CatalogError) in
            try catalog.write { tx throws(CatalogError) in
                try tx.setReviewState(pageID: entry.pageID, .rescan, rescanReason: text)
                try tx.addReview(
                    ReviewRecord(
                        pageID: entry.pageID, itemID: entry.itemID, userID: user.id, reviewer: reviewer, action: .rescan, detail: text))
            }
        }
        return .seeOther(try nextURL(after: entry, query: query, services: services))
    }

    /// Where to go once a page leaves the queue: the next page of its section, or the queue.
    private static func nextURL(after entry: ReviewQueueEntry, query: ReviewQueueQuery, services: ServerServices) throws -> String {
        if let next = try services.catalog.nextInReviewQueue(after: entry, filter: query.filter) {
            return query.pageURL(next.pageID)
        }
        let queue = query.queueURL(section: entry.section, page: 1)
        return queue + (queue.contains("?") ? "&" : "?") + "done=1"
    }

    private static func missingRevision(_ language: UILanguage) -> String {
        language.pick(
            "Biểu mẫu thiếu số bản sửa; hãy mở lại trang. Phần bạn gõ vẫn còn bên dưới.",
            "The form has no revision number; open the page again. What you typed is still below.")
    }

    /// The words of a text (split at white space), for comparing lines.
    static func words(_ text: String) -> [String] {
        text.precomposedStringWithCanonicalMapping.split(whereSeparator: \.isWhitespace).map(String.init)
    }
}
