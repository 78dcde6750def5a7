import Foundation
import SohoaImaging
import XCTest

/// Pages made by `Tests/Fixtures/orientation/make-pages.py` (Vietnamese prose in fonts SampleScans
/// does not use, turned, skewed, spreads, landscape pages, a table), generated once per script
/// version into the temporary folder; tests skip when Python's Pillow or the fonts are missing.
enum GeneratedPages {
    static let script = TestFixtures.packageRoot.appendingPathComponent("Tests/Fixtures/orientation/make-pages.py")

    /// One page's entry in the generator's manifest.
    struct Entry: Decodable {
        var name: String
        var turns: Int
        var spread: Bool
        /// The printed lines of each page (two for a spread), joined by newlines.
        var text: [String]
    }

    /// The named pages (e.g. `tuning-cursor-portrait-90`), decoded.
    static func scans(_ names: [String]) throws -> [String: DecodedScan] {
        try pages(names).mapValues(\.scan)
    }

    /// The named pages, decoded, with their manifest entries.
    static func pages(_ names: [String]) throws -> [String: (scan: DecodedScan, entry: Entry)] {
        let python = try TestFixtures.tool("python3")
        let source = try Data(contentsOf: script)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sohoa-orientation-pages-\(source.count)-\(source.reduce(0) { ($0 &* 31 &+ Int($1)) & 0xFF_FFFF })")
        let missing = names.filter { !FileManager.default.fileExists(atPath: folder.appendingPathComponent("\($0).png").path) }
        if !missing.isEmpty {
            let output = try TestFixtures.run(
                python, [script.path, "--out", folder.path, "--only", missing.joined(separator: ",")])
            guard output.exitCode == 0 else {
                throw XCTSkip(
                    "make-pages.py could not make test pages (needs python3-pil and fonts-texgyre, fonts-freefont-ttf, fonts-liberation2): \(output.stderr)"
                )
            }
        }
        let entries = try JSONDecoder().decode([Entry].self, from: Data(contentsOf: folder.appendingPathComponent("manifest.json")))
        var pages: [String: (scan: DecodedScan, entry: Entry)] = [:]
        for name in names {
            guard let entry = entries.first(where: { $0.name == name }) else { throw XCTSkip("make-pages.py made no page \(name)") }
            pages[name] = (try ScanDecoder.decode(folder.appendingPathComponent("\(name).png")), entry)
        }
        return pages
    }
}
