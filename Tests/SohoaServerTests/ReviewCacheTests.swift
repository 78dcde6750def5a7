import Foundation
import SohoaCatalog
import XCTest

@testable import SohoaServer

/// The review screens' cache: a figure is made once while it lives, made again after any change
/// made here (a save, approval or rescan) and after its lifetime, and one made before a change is
/// not kept after it.
final class ReviewCacheTests: XCTestCase {
    func testAFigureIsMadeOnceUntilTheQueueChanges() {
        let cache = ReviewCache(lifetime: .seconds(3600))
        var made = 0
        func counts() -> ReviewQueueCounts {
            cache.value(.counts(ReviewQueueFilter())) { () -> ReviewQueueCounts in
                made += 1
                return ReviewQueueCounts(suspect: 0, text: made, blank: 0, failed: 0)
            }
        }
        XCTAssertEqual(counts().text, 1)
        XCTAssertEqual(counts().text, 1)
        XCTAssertEqual(made, 1)
        // Another filter is another figure.
        _ = cache.value(.counts(ReviewQueueFilter(library: "LCH"))) { ReviewQueueCounts() }
        XCTAssertEqual(counts().text, 1)
        cache.changed()
        XCTAssertEqual(counts().text, 2)
        XCTAssertEqual(made, 2)
    }

    func testAFigureLivesOnlyItsLifetime() {
        let cache = ReviewCache(lifetime: .zero)
        var made = 0
        for _ in 0..<3 {
            _ = cache.value(.libraries(.everything)) { () -> [String] in
                made += 1; return ["LCH"]
            }
        }
        XCTAssertEqual(made, 3)
    }

    func testAFigureMadeWhileTheQueueChangedIsNotKept() {
        let cache = ReviewCache(lifetime: .seconds(3600))
        // A save lands while the figure is being made: the figure may be stale, so it is not kept.
        let first = cache.value(.libraries(.everything)) { () -> [String] in
            cache.changed()
            return ["old"]
        }
        XCTAssertEqual(first, ["old"])
        XCTAssertEqual(cache.value(.libraries(.everything)) { ["new"] }, ["new"])
    }
}
