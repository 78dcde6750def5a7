import ArgumentParser
import Foundation
import SohoaCollection

/// `sohoa search <words>`: full text, with or without diacritics.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Tìm trong văn bản OCR, có hoặc không dấu. (Search the OCR text, with or without diacritics.)")

    @Argument(help: "Words to find; \"quoted words\" find a phrase. `thu vien` finds “Thư viện”.")
    var words: [String]

    @Option(name: .long, help: "Most hits to show.")
    var limit = 20

    @OptionGroup var options: ArchiveOptions
    @OptionGroup var catalogOptions: CatalogOptions

    func run() throws {
        let session = try catalogOptions.openSession(options)
        let hits: [SearchHitView]
        do {
            hits = try SearchHitView.search(session, query: words.joined(separator: " "), limit: limit)
        } catch {
            throw fail("search failed: \(error)", .archiveUnusable)
        }
        if options.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            for hit in hits { print(String(decoding: try encoder.encode(hit), as: UTF8.self)) }
            return
        }
        if hits.isEmpty {
            print(Messages.english ? "No matches." : "Không tìm thấy.")
            return
        }
        for hit in hits {
            print("\(hit.item)  \(hit.page)  \(hit.snippet)")
        }
    }
}
