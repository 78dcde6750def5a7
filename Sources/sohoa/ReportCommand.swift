import ArgumentParser
import Foundation
import SohoaCatalog
import SohoaCollection

/// `sohoa report --year YYYY --out DIR`: the yearly report as HTML (A4, inline SVG charts) and CSV.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Báo cáo năm (HTML in khổ A4, biểu đồ, bảng CSV). (The yearly report: HTML with charts, and CSV tables.)")

    @OptionGroup var options: ArchiveOptions

    @OptionGroup var catalogOptions: CatalogOptions

    @Option(name: .long, help: "The year reported on.")
    var year: Int

    @Option(name: .long, help: "The folder to write bao-cao.html and the CSV tables into.")
    var out: String

    @Option(
        name: .long, help: "The goals file, with usage-targets (default: <archive>/goals.yaml; the plan's defaults when that is absent).")
    var goals: String?

    func validate() throws {
        guard (2000...2100).contains(year) else { throw ValidationError("--year must be a year such as 2025, not \(year)") }
    }

    func run() throws {
        let session = try catalogOptions.openSession(options)
        let goalsURL = goals.map { URL(fileURLWithPath: $0) } ?? options.archiveURL.appendingPathComponent(GoalsFile.fileName)
        let loaded: GoalsFile.Contents
        do {
            loaded = try GoalsFile.load(goalsURL, required: goals != nil)
        } catch {
            throw fail(error.description, .usage)
        }
        let files: [URL]
        do {
            let data = try YearlyReport.build(
                catalog: session.catalog, goals: loaded.goals, year: year, goalsFile: loaded.file, usageTargets: loaded.usageTargets)
            files = try YearlyReport.write(data, to: URL(fileURLWithPath: out))
        } catch let error as CatalogError {
            throw fail("cannot read the catalog: \(error)", .archiveUnusable)
        } catch {
            throw fail("cannot write the report into \(out): \(error.localizedDescription)", .usage)
        }
        if options.json {
            print(String(decoding: try JSONEncoder.sorted.encode(files.map(\.path)), as: UTF8.self))
        } else {
            for file in files { print(file.path) }
        }
    }
}
