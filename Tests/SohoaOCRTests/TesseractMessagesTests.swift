import Foundation
import SohoaImaging
import SohoaTesting
import XCTest

@testable import SohoaOCR

#if canImport(Glibc)
    import Glibc
#endif

/// Tesseract's own messages stay off the run's standard error: a page of noise read for its
/// orientation made Tesseract print "Too few characters. Skipping this page" between sohoa's lines.
final class TesseractMessagesTests: XCTestCase {
    func testAPageOfNoiseLeavesStandardErrorQuiet() throws {
        try XCTSkipIf(
            ProcessInfo.processInfo.environment["SOHOA_TESSERACT_MESSAGES"] == "1", "SOHOA_TESSERACT_MESSAGES=1 keeps the messages")
        let detector = try TesseractOrientationDetector()
        let engine = try TesseractEngine(pageSegmentation: .singleBlock)
        var generator = SplitMix64(seed: 19)
        let noise = Raster(
            width: 900, height: 1200, layout: .gray, pixels: (0..<(900 * 1200)).map { _ in UInt8(truncatingIfNeeded: generator.next()) })
        let printed = try capturingStandardError {
            _ = detector.orientation(of: noise, dpi: 0)
            _ = try? engine.recognize(noise, dpi: 300, language: "vie")
        }
        XCTAssertEqual(printed, "", "Tesseract printed on standard error")
    }

    /// What `body` writes to file descriptor 2 (Tesseract writes there with C stdio).
    private func capturingStandardError(_ body: () throws -> Void) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sohoa-stderr-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        fflush(nil)
        let capture = open(file.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let saved = dup(2)
        guard capture >= 0, saved >= 0, dup2(capture, 2) == 2 else {
            throw XCTSkip("standard error cannot be captured here: \(String(cString: strerror(errno)))")
        }
        defer {
            fflush(nil)
            dup2(saved, 2)
            close(saved)
            close(capture)
        }
        try body()
        fflush(nil)
        return (try? String(contentsOf: file, encoding: .utf8)) ?? ""
    }
}
