import ArgumentParser
import Foundation
import SohoaArchive
import SohoaCollection

/// `sohoa audit [--item ID] [--sample N%]`: re-verifies the fixity of the archive's objects.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Kiểm tra tính toàn vẹn của kho. (Re-verify every object's files against its inventory.)",
        discussion:
            "Reports missing, changed and unexpected files by object and path, and damaged inventories. "
            + "With --catalog, checks instead that the catalog and the archive agree. "
            + "Exit codes: 0 all intact; 1 findings (listed); 2 usage error; 3 archive or catalog unusable.")

    @Option(name: .long, help: "Audit only this item (repeatable).")
    var item: [String] = []

    @Option(name: .long, help: "Audit a random share of the objects, e.g. 10%.")
    var sample: String?

    @Flag(
        name: .long,
        help: "Check that the catalog and the archive agree (versions, pages, one object per item) instead of re-reading files.")
    var catalog = false

    @OptionGroup var options: ArchiveOptions

    var samplePercent: Double? {
        sample.flatMap { Double($0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "%", with: "")) }
    }

    func validate() throws {
        if let sample {
            guard let percent = samplePercent, percent > 0, percent <= 100 else {
                throw ValidationError("--sample must be a percentage from 1% to 100%, got '\(sample)'")
            }
        }
        if sample != nil && !item.isEmpty { throw ValidationError("give --item or --sample, not both") }
        if catalog && (sample != nil || !item.isEmpty) {
            throw ValidationError("--catalog checks the whole archive; drop --item and --sample")
        }
    }

    func run() throws {
        // `--catalog` is this command's own flag (the catalog check), so only `SOHOA_CATALOG` names
        // another catalog here (one on PostgreSQL: issue 16).
        let session = try CatalogOptions.parse([]).openSession(options)
        if catalog { return try auditCatalog(session) }
        let report: FixityAuditReport
        do {
            report = try ArchiveAudit(session: session).run(itemIDs: item, samplePercent: samplePercent)
        } catch {
            throw fail(error.description, error.exitStatus)
        }
        if options.json {
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(report.text)
        }
        if !report.isClean { throw ExitCode(.somethingFailed) }
    }

    /// `--catalog`: compares the catalog with the archive (refused, exit 3, while a run holds it).
    private func auditCatalog(_ session: ArchiveSession) throws {
        let report: CatalogAuditReport
        do {
            report = try ArchiveAudit(session: session).checkCatalog()
        } catch {
            throw fail(error.description, error.exitStatus)
        }
        if options.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(report.text)
        }
        if !report.isClean { throw ExitCode(.somethingFailed) }
    }
}
