import SohoaImaging
import SohoaOCR
import SohoaTesting
import XCTest

final class TestEngineTests: XCTestCase {
    func testNullEngineReturnsEmptyPages() throws {
        let engine = NullOCREngine()
        let text = try engine.recognize(Raster(width: 30, height: 40), dpi: 300, language: "vie")
        XCTAssertEqual(text, .empty(width: 30, height: 40))
        XCTAssertEqual(engine.calls, 1)
    }

    func testFailingEngineThrowsOnTheChosenCall() throws {
        struct Crash: Error, Equatable {}
        let engine: any OCREngine = FailingOCREngine(error: Crash(), failingCalls: [2])
        let image = Raster(width: 10, height: 10)
        XCTAssertNoThrow(try engine.recognize(image, dpi: 300, language: "vie"))
        XCTAssertThrowsError(try engine.recognize(image, dpi: 300, language: "vie")) { XCTAssertTrue($0 is Crash) }
        XCTAssertNoThrow(try engine.recognize(image, dpi: 300, language: "vie"))
    }

    func testFailingEngineDefaultsToAnInjectedOCRError() {
        let engine = FailingOCREngine()
        XCTAssertThrowsError(try engine.recognize(Raster(width: 10, height: 10), dpi: 300, language: "vie")) {
            XCTAssertEqual($0 as? InjectedOCRFailure, InjectedOCRFailure())
        }
        XCTAssertEqual(engine.calls, 1)
    }

    func testFailingEngineDelegatesOtherCalls() throws {
        let inner = NullOCREngine()
        let engine = FailingOCREngine(failingCalls: [1], wrapping: inner)
        XCTAssertThrowsError(try engine.recognize(Raster(width: 10, height: 10), dpi: 300, language: "vie"))
        _ = try engine.recognize(Raster(width: 10, height: 10), dpi: 300, language: "vie")
        XCTAssertEqual(inner.calls, 1)
    }
}
