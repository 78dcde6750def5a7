import Foundation
import SohoaTesting
import XCTest

/// `sohoa` copied out of the build (as README says: to `/usr/local/bin`) and run from a folder that
/// holds nothing of the repository: the default pipeline is built in.
final class InstalledBinaryTests: XCTestCase {
    func testAnInstalledBinaryRunsTheDefaultPipelineFromAnEmptyFolder() throws {
        let folder = try temporaryFolder("sohoa-installed")
        let bin = folder.appendingPathComponent("bin")
        let work = folder.appendingPathComponent("work")
        let item = folder.appendingPathComponent("batch/truyen-co-thai")
        for made in [bin, work, item] {
            try FileManager.default.createDirectory(at: made, withIntermediateDirectories: true)
        }
        let installed = bin.appendingPathComponent("sohoa")
        try FileManager.default.copyItem(at: Sohoa.binary, to: installed)
        try FileManager.default.copyItem(
            at: Sohoa.packageRoot.appendingPathComponent("SampleScans/truyen-co-thai/01.tif"),
            to: item.appendingPathComponent("01.tif"))

        // Relative paths, resolved from the empty working folder.
        let run = try ProcessRunner.run(
            installed, ["run", "../batch", "--archive", "archive", "--jobs", "1", "--library", "LCH"], in: work)
        XCTAssertEqual(run.exitCode, 0, run.stderr)
        XCTAssertEqual(run.runSummary?["pages_done"] as? Int, 1, run.stdout)
        let export = try ProcessRunner.run(
            installed, ["export", "--all", "--format", "text", "--out", "texts", "--archive", "archive"], in: work)
        XCTAssertEqual(export.exitCode, 0, export.stderr)
        let texts = try FileManager.default.subpathsOfDirectory(atPath: work.appendingPathComponent("texts").path)
            .filter { $0.hasSuffix(".txt") }
        XCTAssertEqual(texts.count, 1, "\(texts)")
        let text = try String(contentsOf: work.appendingPathComponent("texts").appendingPathComponent(texts[0]), encoding: .utf8)
        // The default pipeline reads Vietnamese: tone marks come out.
        XCTAssertTrue(text.unicodeScalars.contains { (0x1EA0...0x1EF9).contains($0.value) }, text)
    }
}
