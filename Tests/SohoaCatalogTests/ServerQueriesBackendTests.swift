import Foundation
import XCTest

@testable import SohoaCatalog

/// The server's queries (issue 16: OAI-PMH, IIIF, serials, availability, the review queue, users,
/// sessions, tokens, submissions, usage) give the same answers on SQLite and on PostgreSQL: reads
/// on a fixture written on SQLite and copied (`onEachBackend`), each answer on PostgreSQL compared
/// with SQLite's; writes made from empty on each backend (`onEachEmptyBackend`).
final class ServerQueriesBackendTests: XCTestCase {
    let t0 = Date(timeIntervalSince1970: 1_750_000_000)

    /// Items of two libraries, archived (`v1`) or not, public, restricted, closed, withdrawn, and
    /// three issues of a serial, two dated and one undated, numbered `2`, `10` and `số đặc biệt`.
    private func collection(_ test: TestCatalog) throws {
        func item(
            _ id: String, library: String = "LC", type: String? = "book", language: String? = "vie", pages: Int = 2,
            serial: (date: String?, number: String?)? = nil, archived: Bool = true
        ) throws {
            var record = ItemRecord(
                id: id, libraryCode: library, title: "Sách \(id)", language: language, type: type, sourcePath: "/b/\(id)",
                pageCount: pages)
            if let serial {
                record.serial = "bao-tin"
                record.serialTitle = serial.date == nil ? nil : "Báo Tin"
                record.issueDate = serial.date
                record.issueNumber = serial.number
            }
            try test.catalog.upsertItem(record)
            for sequence in 1...pages {
                var page = try test.addPage(id, "p\(sequence)", sequence: sequence, sha: Character(String(sequence % 10)))
                page.meanConfidence = sequence == 2 ? nil : Double(90 - 10 * sequence)
                page.wordCount = 10
                page.isBlank = sequence == 2
                _ = try test.catalog.upsertPage(page)
            }
            if archived { try test.catalog.markItemPackaged(id: id, version: "v1", objectPath: "o/\(id)", at: t0) }
        }
        try item("a1")
        try item("a2", type: "map", language: nil, pages: 3)
        try item("b1", library: "HN", type: "", language: "vie+fra")
        try item("draft", archived: false)
        try item("han", library: "HN")
        try item("kin", library: "HN")
        try item("s10", serial: ("1930-05-02", "10"))
        try item("s2", serial: ("1930-05-02", "2"))
        try item("sx", serial: (nil, "số đặc biệt"))
        try test.catalog.setAccess(itemID: "han", .restricted, at: t0 + 10)
        try test.catalog.setAccess(itemID: "kin", .closed, at: t0 + 20)
        try test.catalog.withdrawItem(id: "a2", reason: "trùng", agent: "test", at: t0 + 30)
    }

    /// Checks `answer` on SQLite and the same answer on PostgreSQL.
    private final class Answers<T: Equatable> {
        var onSQLite: T?
        func check(_ backend: CatalogBackend, _ answer: T, file: StaticString = #filePath, line: UInt = #line) {
            if backend == .sqlite {
                onSQLite = answer
            } else {
                XCTAssertEqual(answer, onSQLite, "PostgreSQL answers as SQLite", file: file, line: line)
            }
        }
    }

    func testOAIListsPagesCountsAndSetsAlike() throws {
        let test = try TestCatalog(self)
        try collection(test)
        let pages = Answers<[[String]]>()
        let counts = Answers<[Int]>()
        let sets = Answers<OAISetValues>()
        let records = Answers<[OAIRecordRow]>()
        try test.onEachBackend(self) { catalog, backend in
            let visible: Set<AccessLevel> = [.public]
            var query = OAIListQuery(access: visible)
            var walked: [[String]] = []
            var before: [Int] = []
            while true {
                let page = try catalog.oaiPage(query, limit: 3)
                walked.append(page.records.map(\.id))
                before.append(page.total)
                before.append(page.before)
                guard page.records.count == 3, let last = page.records.last else { break }
                query.after = last.position
            }
            XCTAssertEqual(walked.joined().count, 8, "\(backend): every archived item once, kin as deleted, draft not")
            XCTAssertTrue(walked.joined().contains("a2"), "\(backend): a withdrawn item is a deleted record")
            pages.check(backend, walked)
            let earliest = try XCTUnwrap(try catalog.oaiEarliestDatestamp(access: visible))
            before.append(Int((earliest.timeIntervalSince1970 * 1000).rounded()))
            var dated = OAIListQuery(access: visible, from: t0 + 15, before: t0 + 25)
            dated.libraryCodes = ["HN"]
            before.append(try catalog.oaiRecords(dated, limit: 10).count)
            counts.check(backend, before)
            let values = try catalog.oaiSetValues(access: [.public, .restricted])
            XCTAssertEqual(values.libraryCodes, ["HN", "LC"], "\(backend)")
            XCTAssertEqual(values.serials, ["bao-tin": "Báo Tin"], "\(backend)")
            sets.check(backend, values)
            let rows = try ["a1", "a2", "kin", "draft"].compactMap { id throws in try catalog.oaiRecord(itemID: id) }
            XCTAssertEqual(rows.map(\.isWithdrawn), [false, true, false, false], "\(backend)")
            records.check(backend, rows)
        }
    }

    func testIIIFSerialsAvailabilityAndOverviewAlike() throws {
        let test = try TestCatalog(self)
        try collection(test)
        let iiif = Answers<[String]>()
        let issues = Answers<[String]>()
        let availability = Answers<[ItemAvailability?]>()
        let overview = Answers<CollectionOverview>()
        try test.onEachBackend(self) { catalog, backend in
            iiif.check(
                backend,
                try catalog.iiifCollectionItems(libraryCode: "HN", access: [.public, .restricted]).map(\.id)
                    + catalog.iiifCollectionItems(libraryCode: "LC", access: [.public]).map(\.id)
                    + catalog.iiifCollectionItems(libraryCode: "LC", access: []).map(\.id))
            let serial = try catalog.serialIssues(serial: "bao-tin", access: [.public])
            XCTAssertEqual(serial.map(\.item.id), ["s2", "s10", "sx"], "\(backend): by date, number as a number, undated last")
            XCTAssertEqual(serial.serialTitle, "Báo Tin", "\(backend)")
            issues.check(backend, serial.map(\.item.id))
            availability.check(backend, try ["a2", "han", "none"].map { id throws in try catalog.itemAvailability(id: id) })
            let counts = try catalog.collectionOverview(access: [.public])
            XCTAssertEqual(counts.items, 5, "\(backend): packaged, not withdrawn, public")
            XCTAssertEqual(try catalog.collectionOverview(access: []).items, 0, "\(backend)")
            overview.check(backend, counts)
        }
    }

    func testReviewQueueCountsNextAndRevisionsAlike() throws {
        let test = try TestCatalog(self)
        try collection(test)
        let queue = Answers<[ReviewQueueEntry]>()
        let counts = Answers<ReviewQueueCounts>()
        try test.onEachBackend(self) { catalog, backend in
            var entries = try catalog.reviewQueue(section: .text, limit: 4)
            entries += try catalog.reviewQueue(section: .blank, filter: ReviewQueueFilter(library: "HN"))
            entries += try catalog.reviewQueue(section: .text, filter: ReviewQueueFilter(scope: .library("HN")), offset: 1)
            queue.check(backend, entries)
            let all = try catalog.reviewQueueCounts()
            XCTAssertEqual(all.blank, 6, "\(backend): p2 of every packaged, not withdrawn, not closed item")
            counts.check(backend, all)
            var walked: [Int64] = []
            var entry = try catalog.reviewQueue(section: .text).first
            while let current = entry {
                walked.append(current.pageID)
                entry = try catalog.nextInReviewQueue(after: current)
            }
            XCTAssertEqual(walked, try catalog.reviewQueue(section: .text).map(\.pageID), "\(backend)")
            XCTAssertEqual(try catalog.reviewLibraries(), ["HN", "LC"], "\(backend)")
            XCTAssertEqual(try catalog.reviewLibraries(scope: .library("HN")), ["HN"], "\(backend)")

            let page = try XCTUnwrap(walked.first)
            // Claimed once, not twice; released; moved on; none for a page that does not exist.
            let revisions = try catalog.write { tx throws(CatalogError) -> [Int?] in
                let revision = try tx.pageRevision(pageID: page) ?? -1
                let claimed = try tx.claimPageRevision(pageID: page, expected: revision)
                let claimedAgain = try tx.claimPageRevision(pageID: page, expected: revision)
                try tx.releasePageRevision(pageID: page, claimed: revision)
                let released = try tx.pageRevision(pageID: page)
                try tx.advancePageRevision(pageID: page)
                let advanced = try tx.pageRevision(pageID: page)
                // Back as it was, for the copy to PostgreSQL made after the SQLite run.
                try tx.releasePageRevision(pageID: page, claimed: revision)
                return [
                    revision, claimed ? 1 : 0, claimedAgain ? 1 : 0, released, advanced, try tx.pageRevision(pageID: page),
                    try tx.pageRevision(pageID: 999_999),
                ]
            }
            let revision = try XCTUnwrap(revisions.first ?? nil)
            XCTAssertEqual(revisions, [revision, 1, 0, revision, revision + 1, revision, nil], "\(backend)")
        }
    }

    func testSubmissionsTokensAndUsageAlike() throws {
        try TestCatalog.onEachEmptyBackend(self) { catalog, backend in
            let user = try XCTUnwrap(
                try catalog.addUser(name: "lan", displayName: nil, role: .scanner, passwordHash: "$2b$04$x", at: t0).id)
            let quota = SubmissionQuota(user: 100, total: 150)
            let new = SubmissionRecord(userID: user, name: "lo-1", size: 60, sha256: TestCatalog.sha("1"), chunkSize: 10, at: t0)
            guard case .opened(let first, created: true) = try catalog.openSubmission(new, within: quota) else {
                return XCTFail("\(backend): the first upload opens")
            }
            guard case .opened(let again, created: false) = try catalog.openSubmission(new, within: quota) else {
                return XCTFail("\(backend): the same upload resumes")
            }
            XCTAssertEqual(again, first, "\(backend)")
            let second = SubmissionRecord(userID: user, name: "lo-2", size: 50, sha256: TestCatalog.sha("2"), chunkSize: 10, at: t0)
            XCTAssertEqual(try catalog.openSubmission(second, within: quota), .overUserQuota(held: 60), "\(backend)")
            let id = try XCTUnwrap(first.id)
            XCTAssertTrue(try catalog.advanceSubmission(id: id, from: 0, to: 10, at: t0 + 1), "\(backend)")
            XCTAssertFalse(try catalog.advanceSubmission(id: id, from: 0, to: 20, at: t0 + 1), "\(backend): moved already")
            XCTAssertFalse(try catalog.expireSubmission(id: id, idleSince: t0, problems: ["x"], at: t0 + 2), "\(backend)")
            XCTAssertTrue(try catalog.completeWebSubmission(id: id, name: "lo-1", sha256: TestCatalog.sha("3"), at: t0 + 3))
            XCTAssertFalse(try catalog.setSubmissionState(id: id, .failed, from: [.uploading]), "\(backend)")
            XCTAssertFalse(try catalog.setSubmissionState(id: id, .failed, from: []), "\(backend)")
            XCTAssertTrue(
                try catalog.setSubmissionState(id: id, .failed, problems: ["hỏng"], from: [.received], at: t0 + 4), "\(backend)")
            try catalog.setSubmissionProgress(id: id, pagesDone: 3, pagesTotal: 4, pagesFailed: 1, itemsArchived: 0)
            let stored = try XCTUnwrap(try catalog.submission(id: id))
            XCTAssertEqual(stored.state, .failed, "\(backend)")
            XCTAssertEqual(stored.problems, ["hỏng"], "\(backend)")
            XCTAssertEqual(stored.finishedAt, t0 + 4, "\(backend)")
            XCTAssertEqual(stored.pagesDone, 3, "\(backend)")
            XCTAssertNil(try catalog.submission(userID: user, sha256: TestCatalog.sha("3")), "\(backend): failed ones do not resume")
            XCTAssertEqual(try catalog.submissions(userID: user).map(\.id), [id], "\(backend)")
            XCTAssertEqual(try catalog.submissions(userID: nil).count, 1, "\(backend)")
            XCTAssertEqual(try catalog.submissions(in: [.failed]).map(\.id), [id], "\(backend)")
            XCTAssertEqual(try catalog.submissions(in: []), [], "\(backend)")
            XCTAssertEqual(try catalog.inboxBytes(userID: user).total, 0, "\(backend)")

            let token = ApiTokenRecord(tokenHash: TestCatalog.sha("t"), userID: user, createdAt: t0, expiresAt: t0 + 3600)
            try catalog.createApiToken(token)
            XCTAssertEqual(try catalog.apiTokenUser(tokenHash: token.tokenHash, at: t0 + 100)?.name, "lan", "\(backend)")
            XCTAssertNil(try catalog.apiTokenUser(tokenHash: token.tokenHash, at: t0 + 3600), "\(backend): expired")
            try catalog.deleteApiTokens(userID: user)
            XCTAssertNil(try catalog.apiTokenUser(tokenHash: token.tokenHash, at: t0 + 100), "\(backend)")

            let day = UsageBatch.LibraryDay(day: "2026-03-04", libraryCode: "LC")
            let all = UsageBatch.LibraryDay(day: "2026-03-04", libraryCode: UsageBatch.wholeCollection)
            let item = UsageBatch.ItemDay(day: "2026-03-04", itemID: "a1")
            let batch = UsageBatch(
                libraries: [day: UsageFigures(visits: 1, itemViews: 2), all: UsageFigures(visits: 1, itemViews: 2, searches: 3)],
                items: [item: (libraryCode: "LC", figures: UsageFigures(itemViews: 2, downloads: 1))])
            try catalog.recordUsage(batch)
            try catalog.recordUsage(batch)
            let months = try catalog.usageMonths(year: 2026)
            XCTAssertEqual(months[2].figures, UsageFigures(visits: 2, itemViews: 4, searches: 6), "\(backend): added up")
            XCTAssertEqual(months[3].figures, .zero, "\(backend)")
            XCTAssertEqual(try catalog.usageMonths(year: 2026, libraryCode: "LC")[2].figures.visits, 2, "\(backend)")
            XCTAssertEqual(try catalog.usageByLibrary(year: 2026), ["LC": UsageFigures(visits: 2, itemViews: 4)], "\(backend)")
            XCTAssertEqual(try catalog.usageByLibrary(year: 2025), [:], "\(backend)")
            let top = try catalog.usageTopItems(year: 2026, libraryCode: "LC")
            XCTAssertEqual(top.map(\.itemID), ["a1"], "\(backend)")
            XCTAssertEqual(top.first?.itemViews, 4, "\(backend)")
            XCTAssertEqual(top.first?.downloads, 2, "\(backend)")
            XCTAssertNil(top.first?.title, "\(backend): no such item in the catalog")
        }
    }
}
