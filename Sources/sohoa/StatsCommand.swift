import ArgumentParser
import Foundation
import SohoaCatalog
import SohoaCollection

/// `sohoa stats --year YYYY [--library CODE]`: what `sohoa serve` counted (COUNTER rules) against the
/// plan's reader targets.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract:
            "Lượt truy cập, xem, tải, tìm kiếm trong năm so với mục tiêu. (Visits, views, downloads and searches in a year, against the targets.)"
    )

    @OptionGroup var options: ArchiveOptions

    @OptionGroup var catalogOptions: CatalogOptions

    @Option(name: .long, help: "The year.")
    var year: Int

    @Option(name: .long, help: "One library's figures (its code, e.g. LCH).")
    var library: String?

    @Option(
        name: .long,
        help: "The goals file with usage-targets (default: <archive>/goals.yaml; the plan's 10,000 / 35,000 when that is absent).")
    var goals: String?

    func validate() throws {
        guard (2000...2100).contains(year) else { throw ValidationError("--year must be a year such as 2026, not \(year)") }
        if let library, LibraryRecord.code(library) == nil {
            throw ValidationError("--library must be a library code such as LCH (letters, digits, - or _), not '\(library)'")
        }
    }

    func run() throws {
        let session = try catalogOptions.openSession(options)
        let goalsURL = goals.map { URL(fileURLWithPath: $0) } ?? options.archiveURL.appendingPathComponent(GoalsFile.fileName)
        let targets: UsageTargets
        do {
            targets = try GoalsFile.load(goalsURL, required: goals != nil).usageTargets
        } catch {
            throw fail(error.description, .usage)
        }
        let code = library.flatMap(LibraryRecord.code)
        let report: UsageReport
        do {
            report = try UsageReport.build(catalog: session.catalog, year: year, libraryCode: code, targets: targets)
        } catch let error where error.kind == .notFound {
            throw fail(error.description, .usage)
        } catch {
            throw fail("cannot read the catalog: \(error)", .archiveUnusable)
        }
        if options.json {
            print(String(decoding: try JSONEncoder.sorted.encode(report), as: UTF8.self))
        } else {
            print(UsageText.text(report))
        }
    }
}
