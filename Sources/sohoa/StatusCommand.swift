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

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Also the work queue of distributed runs (default: SOHOA_QUEUE): pages waiting, held, done, failed, and each worker's pages and pages/min.",
            valueName: "postgresql://…"))
    var queue: String?

    @OptionGroup var options: ArchiveOptions

    @OptionGroup var catalogOptions: CatalogOptions

    func run() throws {
        let session = try catalogOptions.openSession(options)
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
            let workQueue = queueStatus()
            if options.json {
                let encoder = JSONEncoder()
                encoder.dateEncodingStrategy = .iso8601
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                if let workQueue {
                    // With the queue: the catalog's status and the queue's, side by side.
                    print(String(decoding: try encoder.encode(CatalogAndQueueStatus(catalog: status, queue: workQueue)), as: UTF8.self))
                } else {
                    print(String(decoding: try encoder.encode(status), as: UTF8.self))
                }
            } else {
                print(StatusReport.text(status, archive: session.folder))
                if let workQueue { print(workQueue.text) }
            }
        } catch let error as ExitCode {
            throw error
        } catch {
            throw fail("cannot read the catalog: \(error)", .archiveUnusable)
        }
    }

    /// The work queue's figures when `--queue` or `SOHOA_QUEUE` names one (read, never migrated); a
    /// queue that cannot be read is a warning on standard error, and the catalog's status is still shown.
    private func queueStatus() -> QueueStatus? {
        guard let address = PostgresPageQueue.address(option: queue) else { return nil }
        let problem: String
        do {
            let pageQueue = try PostgresPageQueue(url: address, migrating: false)
            defer { pageQueue.close() }
            let (counts, workers) = try pageQueue.figures()
            return QueueStatus(
                address: pageQueue.description, queued: counts.queued, claimed: counts.claimed, done: counts.done, failed: counts.failed,
                workers: workers)
        } catch {
            problem = "\(error)"
        }
        FileHandle.standardError.write(Data("sohoa: \(Messages.queueUnusable(problem))\n".utf8))
        return nil
    }
}
