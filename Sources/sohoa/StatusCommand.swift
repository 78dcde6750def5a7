import ArgumentParser
import Foundation
import SohoaCatalog
import SohoaCollection

/// `sohoa status [--library CODE]`: batches, items, pages per stage, failures.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Tình trạng kho: lô, tài liệu, trang theo công đoạn, lỗi. (Batches, items, pages per stage, failures.)")

    @Option(name: .long, help: "Only this library's items: their batches, pages, failures and pages to scan again.")
    var library: String?

    @OptionGroup var options: ArchiveOptions

    func run() throws {
        let session = try options.openSession()
        var scope = AccessScope.everything
        if let library {
            let listed: LibraryRecord?
            do {
                listed = try session.catalog.library(code: library)
            } catch {
                throw fail("cannot read the catalog: \(error)", .archiveUnusable)
            }
            guard let listed else { throw fail("there is no library '\(library)'; see `sohoa libraries list`", .usage) }
            scope = .library(listed.code)
        }
        do {
            let status = try session.catalog.status(scope: scope)
            if options.json {
                let encoder = JSONEncoder()
                encoder.dateEncodingStrategy = .iso8601
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try encoder.encode(status), as: UTF8.self))
            } else {
                print(StatusReport.text(status, archive: session.folder))
            }
        } catch {
            throw fail("cannot read the catalog: \(error)", .archiveUnusable)
        }
    }
}
