import Foundation
import SohoaTesting
import XCTest

/// What the real-browser tests share: Selenium's virtualenv, the screenshot folder, and running one
/// of the flows in Tests/Browser (a Python script given a JSON config) against a running server.
extension BrowserEndToEndTests {
    /// The virtualenv's Python with Selenium; skips the test when chromium or the venv is missing.
    func seleniumPython() throws -> URL {
        for tool in ["/usr/bin/chromium", "/usr/bin/chromedriver"] where !FileManager.default.isExecutableFile(atPath: tool) {
            throw XCTSkip("\(tool) is not installed (scripts/install-deps.sh --with-tests installs chromium and chromium-driver)")
        }
        let venv = try ProcessRunner.run(
            URL(fileURLWithPath: "/bin/bash"), [Sohoa.packageRoot.appendingPathComponent("scripts/python-venv.sh").path, "browser"])
        guard venv.exitCode == 0 else { throw XCTSkip("no Selenium virtualenv: \(venv.stderr)") }
        return URL(fileURLWithPath: venv.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// `SOHOA_SCREENSHOTS` when set (docs/screens for the README), otherwise `work/screenshots`.
    func screenshotFolder(in work: URL) throws -> URL {
        let folder: URL
        if let path = ProcessInfo.processInfo.environment["SOHOA_SCREENSHOTS"], !path.isEmpty {
            folder = URL(fileURLWithPath: path, relativeTo: Sohoa.packageRoot)
        } else {
            folder = work.appendingPathComponent("screenshots")
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Runs `Tests/Browser/<script>` with `config` (written to `work`) and asserts that every step
    /// passed and that it left each of `screenshots` (names without `.png`) in `folder`.
    func runFlow(
        _ script: String, python: URL, config: [String: Any], work: URL, server: ServerProcess,
        screenshots: [String], in folder: URL
    ) throws {
        let configFile = work.appendingPathComponent("\(script).json")
        try JSONSerialization.data(withJSONObject: config).write(to: configFile)
        let flow = try ProcessRunner.run(
            python, [Sohoa.packageRoot.appendingPathComponent("Tests/Browser/\(script)").path, configFile.path])
        XCTAssertEqual(flow.exitCode, 0, "browser flow failed:\n\(flow.stdout)\n\(flow.stderr)\nserver:\n\(server.output)")
        XCTAssertTrue(flow.stdout.contains("browser flow: passed"), flow.stdout)
        for name in screenshots {
            let path = folder.appendingPathComponent("\(name).png").path
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            XCTAssertGreaterThan(size, 10_000, "screenshot \(name).png missing or empty")
        }
    }
}
