import Foundation
import SohoaOCR
import SohoaTesting
import Synchronization
import XCTest

/// Where the shared scans and validators live (beside the clone), external tools, and a cache of
/// recognized pages so the suite runs OCR on each real page once.
enum TestFixtures {
    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    static let scans = shared.appendingPathComponent("scans")
    static let checks = shared.appendingPathComponent("checks")

    /// A scan under `../shared/scans`, or an `XCTSkip` naming what is missing.
    static func scan(_ relativePath: String) throws -> URL {
        let url = scans.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw XCTSkip(
                "real scan \(url.path) is absent: put the shared scans folder beside the clone (../shared/scans) to run this test")
        }
        return url
    }

    /// A validator under `../shared/checks`, or an `XCTSkip`.
    static func validator(_ name: String) throws -> URL {
        let url = checks.appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw XCTSkip("validator \(url.path) is absent: put the shared checks beside the clone (../shared/checks) and run its setup.sh")
        }
        return url
    }

    /// An installed command (e.g. `tesseract`, `pdftotext`), or an `XCTSkip`.
    static func tool(_ name: String) throws -> URL {
        for folder in ["/usr/bin", "/usr/local/bin", "/bin"] {
            let url = URL(fileURLWithPath: folder).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw XCTSkip("\(name) is not installed: apt-get install it to run this test")
    }

    /// Runs a command (with OMP_THREAD_LIMIT=1) and waits for it.
    static func run(_ executable: URL, _ arguments: [String]) throws -> ProcessOutput {
        try ProcessRunner.run(executable, arguments)
    }

    /// A recognized real page and how long in-process OCR took.
    struct RecognizedPage: Sendable {
        var image: LeptonicaImageLoader.Image
        var text: PageText
        var seconds: Double
        var cpuSeconds: Double
    }

    /// CPU seconds (user + system) used so far by this process, or by its finished children.
    static func cpuTime(children: Bool = false) -> Double {
        var usage = rusage()
        _ = getrusage(children ? RUSAGE_CHILDREN.rawValue : RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    private static let cache = Mutex<[String: RecognizedPage]>([:])

    /// Recognizes `relativePath` (page `page`) with a fresh engine, once per test run.
    static func recognized(_ relativePath: String, page: Int = 0, language: String = "vie") throws -> RecognizedPage {
        let key = "\(relativePath)#\(page)#\(language)"
        if let hit = cache.withLock({ $0[key] }) { return hit }
        let image = try LeptonicaImageLoader.loadGray(path: scan(relativePath).path, page: page)
        let engine = try TesseractEngine()
        let start = Date(), cpuStart = cpuTime()
        let text = try engine.recognize(image.raster, dpi: image.dpi > 0 ? image.dpi : 300, language: language)
        let result = RecognizedPage(
            image: image, text: text, seconds: Date().timeIntervalSince(start), cpuSeconds: cpuTime() - cpuStart)
        cache.withLock { $0[key] = result }
        return result
    }
}
