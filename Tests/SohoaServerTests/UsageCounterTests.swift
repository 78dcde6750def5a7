import Foundation
import SohoaCatalog
import Synchronization
import XCTest

@testable import SohoaServer

/// The counting rules one at a time: the double-click rule, visit keys, visits and pages per visit.
final class UsageCounterTests: XCTestCase {
    static let firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
    /// 2026-03-10 08:00:00 UTC.
    static let start = Date(timeIntervalSince1970: 1_773_129_600)

    /// A clock the test moves.
    final class TestClock: Sendable {
        let now = Mutex(UsageCounterTests.start)
        func advance(_ seconds: TimeInterval) { now.withLock { $0 = $0.addingTimeInterval(seconds) } }
        func set(_ date: Date) { now.withLock { $0 = date } }
        var read: @Sendable () -> Date { { self.now.withLock { $0 } } }
    }

    // MARK: - Double clicks

    func testARepeatWithin30SecondsCountsOnce() {
        var filter = DoubleClickFilter()
        let t = Self.start
        XCTAssertTrue(filter.counts("item\u{0}a", at: t))
        XCTAssertFalse(filter.counts("item\u{0}a", at: t.addingTimeInterval(29)), "29 s later: a double click")
        XCTAssertFalse(filter.counts("item\u{0}a", at: t.addingTimeInterval(59)), "30 s after the repeat: still one click")
        XCTAssertTrue(filter.counts("item\u{0}a", at: t.addingTimeInterval(90)), "31 s after the last: counted")
        XCTAssertTrue(filter.counts("item\u{0}b", at: t.addingTimeInterval(91)), "another request counts")
        XCTAssertTrue(filter.counts("item\u{0}b", at: t.addingTimeInterval(121.5)), "30.5 s later: counted")
    }

    func testForgettingKeepsRecentClicks() {
        var filter = DoubleClickFilter()
        XCTAssertTrue(filter.counts("a", at: Self.start))
        XCTAssertTrue(filter.counts("b", at: Self.start.addingTimeInterval(20)))
        XCTAssertEqual(filter.rememberedCount, 2)
        filter.forget(before: Self.start.addingTimeInterval(40))
        XCTAssertEqual(filter.rememberedCount, 1, "a's click, 40 s before, is forgotten; b's, 20 s before, kept")
        XCTAssertTrue(filter.counts("a", at: Self.start.addingTimeInterval(41)))
        XCTAssertFalse(filter.counts("b", at: Self.start.addingTimeInterval(41)), "b's click was 21 s before: kept")
    }

    // MARK: - Visit keys

    func testVisitKeysHideTheAddressAndChangeEveryDay() {
        let keys = VisitKeys(day: "2026-03-10")
        let key = keys.key(address: "203.0.113.5", userAgent: Self.firefox)
        XCTAssertEqual(key, keys.key(address: "203.0.113.5", userAgent: Self.firefox), "the same client: the same key all day")
        XCTAssertEqual(key.count, 32)
        XCTAssertNil(key.range(of: "203"), "no part of the address in the key")
        XCTAssertNotEqual(key, keys.key(address: "203.0.113.6", userAgent: Self.firefox), "another address")
        XCTAssertNotEqual(key, keys.key(address: "203.0.113.5", userAgent: Self.firefox + " "), "another browser")
        var rotated = keys
        XCTAssertFalse(rotated.isStale(for: "2026-03-10"))
        XCTAssertTrue(rotated.isStale(for: "2026-03-11"))
        rotated.rotate(to: "2026-03-11")
        XCTAssertNotEqual(rotated.key(address: "203.0.113.5", userAgent: Self.firefox), key, "a new salt the next day")
        XCTAssertNotEqual(
            VisitKeys(day: "2026-03-10").key(address: "203.0.113.5", userAgent: Self.firefox), key,
            "a server started again makes its own salt")
    }

    // MARK: - Visits

    func testAVisitEndsAfter30IdleMinutesOrAtMidnight() {
        let clock = TestClock()
        let counter = UsageCounter(clock: clock.read)
        let item = UsageEvent.itemView(itemID: "a", libraryCode: "LCH")
        XCTAssertTrue(counter.record(item, address: "203.0.113.5", userAgent: Self.firefox))
        clock.advance(29 * 60)
        XCTAssertTrue(counter.record(item, address: "203.0.113.5", userAgent: Self.firefox), "same visit, counted")
        clock.advance(30 * 60 + 1)
        XCTAssertTrue(counter.record(item, address: "203.0.113.5", userAgent: Self.firefox), "idle > 30 min: a new visit")
        clock.advance(16 * 3600 - 59 * 60 - 1)  // 00:00:00 the next day
        XCTAssertTrue(counter.record(item, address: "203.0.113.5", userAgent: Self.firefox), "a new day: a new visit")
        let batch = counter.takeBatch()
        let day1 = batch.libraries[UsageBatch.LibraryDay(day: "2026-03-10", libraryCode: UsageBatch.wholeCollection)]
        let day2 = batch.libraries[UsageBatch.LibraryDay(day: "2026-03-11", libraryCode: UsageBatch.wholeCollection)]
        XCTAssertEqual(day1, UsageFigures(visits: 2, itemViews: 3))
        XCTAssertEqual(day2, UsageFigures(visits: 1, itemViews: 1))
        XCTAssertEqual(batch.libraries[UsageBatch.LibraryDay(day: "2026-03-10", libraryCode: "LCH")], UsageFigures(visits: 2, itemViews: 3))
        XCTAssertTrue(counter.takeBatch().isEmpty, "taken once")
    }

    func testPagesCountOncePerVisitAndRobotsNever() {
        let clock = TestClock()
        let counter = UsageCounter(clock: clock.read)
        let page = UsageEvent.pageView(pageID: 7, itemID: "a", libraryCode: "LCH")
        XCTAssertTrue(counter.record(page, address: "198.51.100.7", userAgent: Self.firefox))
        for _ in 0..<20 {
            clock.advance(45)
            XCTAssertFalse(counter.record(page, address: "198.51.100.7", userAgent: Self.firefox), "another tile of the same page")
        }
        XCTAssertTrue(
            counter.record(.pageView(pageID: 8, itemID: "a", libraryCode: "LCH"), address: "198.51.100.7", userAgent: Self.firefox))
        XCTAssertFalse(counter.record(page, address: "66.249.66.1", userAgent: "Mozilla/5.0 (compatible; Googlebot/2.1)"))
        XCTAssertFalse(counter.record(page, address: "66.249.66.1", userAgent: ""))
        let batch = counter.takeBatch()
        XCTAssertEqual(
            batch.libraries[UsageBatch.LibraryDay(day: "2026-03-10", libraryCode: "")], UsageFigures(visits: 1, pageViews: 2))
        XCTAssertEqual(batch.items[UsageBatch.ItemDay(day: "2026-03-10", itemID: "a")]?.figures, UsageFigures(pageViews: 2))
        clock.advance(31 * 60)
        _ = counter.takeBatch()
        XCTAssertEqual(counter.rememberedVisits, 0, "ended visits are forgotten")
    }
}

extension UsageCounterTests {
    func testDaysAreUTCDates() {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "yyyy-MM-dd"
        for day in stride(from: -3, to: 40_000, by: 97) {
            let start = Date(timeIntervalSince1970: Double(day) * 86_400)
            let expected = formatter.string(from: start)
            XCTAssertEqual(UsageDay.text(start), expected, "\(start)")
            XCTAssertEqual(UsageDay.text(start.addingTimeInterval(86_399.5)), expected, "the day's last second")
            XCTAssertNotEqual(UsageDay.text(start.addingTimeInterval(86_400)), expected, "the next day")
        }
        XCTAssertEqual(UsageDay.text(Self.start), "2026-03-10")
        XCTAssertEqual(UsageDay.text(Date(timeIntervalSince1970: 951_782_400)), "2000-02-29")
    }

    // MARK: - Flushing

    func testSumsWhoseWriteHasAnUnknownOutcomeAreNotWrittenAgain() throws {
        let counter = UsageCounter(clock: TestClock().read)
        counter.record(.download(itemID: "a", libraryCode: "LC"), address: "10.0.0.1", userAgent: Self.firefox)
        // An ordinary failure: nothing was written, the sums wait for the next flush.
        XCTAssertThrowsError(try counter.flush(to: Catalog(backend: FailingBackend(kind: .locked))))
        let kept = counter.takeBatch()
        XCTAssertFalse(kept.isEmpty, "kept after an ordinary failure")
        counter.putBack(kept)
        // The connection broke during the COMMIT: they may be written; again would count them twice.
        XCTAssertThrowsError(try counter.flush(to: Catalog(backend: FailingBackend(kind: .outcomeUnknown)))) { error in
            XCTAssertEqual((error as? CatalogError)?.kind, .outcomeUnknown)
        }
        XCTAssertTrue(counter.takeBatch().isEmpty, "not put back when the outcome is unknown")
    }
}

/// A catalog whose every transaction fails with `kind`.
private struct FailingBackend: CatalogBackend {
    let kind: CatalogError.Kind
    var location: URL { URL(fileURLWithPath: "/nowhere/catalog") }

    func write<T>(_ body: (any CatalogStatements) throws(CatalogError) -> T) throws(CatalogError) -> T {
        throw CatalogError(kind: kind, file: location, message: "failed: \(kind)")
    }

    func read<T>(_ body: (any CatalogStatements) throws(CatalogError) -> T) throws(CatalogError) -> T {
        throw CatalogError(kind: kind, file: location, message: "failed: \(kind)")
    }
}
