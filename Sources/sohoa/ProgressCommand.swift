import ArgumentParser
import Foundation
import SohoaCatalog
import SohoaCollection

/// `sohoa progress`: each goal's figure, percentage, bar, gap, pace and projected date.
struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Tiến độ so với mục tiêu 70% và 15.000 tài liệu số. (Progress toward the goals.)")

    @OptionGroup var options: ArchiveOptions

    @OptionGroup var catalogOptions: CatalogOptions

    @Option(name: .long, help: "Break each figure down: library, type or year.")
    var by: String?

    @Option(name: .long, help: "The goals file (default: <archive>/goals.yaml; the plan's defaults when that is absent).")
    var goals: String?

    @Flag(name: .long, help: "Write the plan's default goals to the goals file for a manager to edit, then stop.")
    var writeGoals = false

    func validate() throws {
        if let by, ProgressBreakdown(rawValue: by) == nil { throw ValidationError("--by must be library, type or year, not '\(by)'") }
    }

    var goalsURL: URL { goals.map { URL(fileURLWithPath: $0) } ?? options.archiveURL.appendingPathComponent(GoalsFile.fileName) }

    func run() throws {
        if writeGoals {
            guard !FileManager.default.fileExists(atPath: goalsURL.path) else {
                throw fail("\(goalsURL.path) exists already; edit it, or move it away to start from the defaults", .usage)
            }
            try Data(GoalsFile.defaultText.utf8).write(to: goalsURL)
            print(goalsURL.path)
            return
        }
        let session = try catalogOptions.openSession(options)
        let loaded: GoalsFile.Contents
        do {
            loaded = try GoalsFile.load(goalsURL, required: goals != nil)
        } catch {
            throw fail(error.description, .usage)
        }
        let report: ProgressReport
        do {
            report = try ProgressCalculator.progress(
                goals: loaded.goals, catalog: session.catalog, by: by.flatMap(ProgressBreakdown.init),
                goalsFile: loaded.file)
        } catch {
            throw fail("cannot read the catalog: \(error)", .archiveUnusable)
        }
        if options.json {
            print(String(decoding: try report.json(), as: UTF8.self))
        } else {
            print(ProgressText.text(report))
        }
    }
}
