import ArgumentParser
import Foundation
import SohoaCollection

/// `sohoa status`: batches, items, pages per stage, failures.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Tình trạng kho: lô, tài liệu, trang theo công đoạn, lỗi. (Batches, items, pages per stage, failures.)")

    @OptionGroup var options: ArchiveOptions

    func run() throws {
        let session = try options.openSession()
        do {
            let status = try session.catalog.status()
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
