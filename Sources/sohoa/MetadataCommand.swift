import ArgumentParser
import Foundation
import SohoaCollection

/// `sohoa metadata export|import`: archived items' descriptions as a spreadsheet, and back.
struct MetadataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metadata",
        abstract: "Sửa mô tả tài liệu hàng loạt qua bảng CSV. (Edit items' descriptions in bulk through a CSV file.)",
        subcommands: [Export.self, Import.self])

    /// `sohoa metadata export --out items.csv`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Xuất mô tả mọi tài liệu ra CSV. (Write every archived item's description to a CSV file.)",
            discussion:
                "One row per item, the same columns as items.csv at ingest, UTF-8 with a BOM so spreadsheet programs "
                + "keep the tone marks. Exit codes: 0 written; 2 bad option; 3 archive or catalog unusable.")

        @Option(name: .long, help: "The CSV file to write.")
        var out: String

        @OptionGroup var options: ArchiveOptions

        @OptionGroup var catalogOptions: CatalogOptions

        func run() throws {
            let session = try catalogOptions.openSession(options)
            let items: [(itemID: String, description: ItemDescription)]
            do throws(MetadataEditError) {
                items = try MetadataEditor(session: session).archivedDescriptions()
            } catch {
                throw fail(error.description, .archiveUnusable)
            }
            do {
                try Data(MetadataCSV.export(items).utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            } catch {
                throw fail("cannot write \(out): \(error.localizedDescription)", .usage)
            }
            print("sohoa: \(items.count) items written to \(out)")
        }
    }

    /// `sohoa metadata import items.csv [--apply --by NAME] [--skip-bad]`.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Nhập mô tả tài liệu từ CSV. (Change items' descriptions from a CSV file; a dry run unless --apply.)",
            discussion:
                "Lists every change per item and field; with --apply writes one archive version per changed item. "
                + "Bad rows are named with their line and column, and nothing is written while any is bad unless "
                + "--skip-bad. Exit codes: 0 done (or nothing to do); 1 bad rows; 2 bad file or option; 3 archive unusable.")

        @Argument(help: "The CSV file (as `sohoa metadata export` writes it; `,` or `;` separated, a BOM is fine).")
        var file: String

        @Flag(name: .long, help: "Write the changes (without it, only list them).")
        var apply = false

        @Flag(name: .long, help: "Write the good rows even when some rows are bad.")
        var skipBad = false

        @Option(name: .long, help: "Who made the changes (recorded in the archive); needed with --apply.")
        var by: String?

        @OptionGroup var options: ArchiveOptions

        @OptionGroup var catalogOptions: CatalogOptions

        func validate() throws {
            if apply && (by ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError("--apply needs --by NAME: who made the changes")
            }
        }

        func run() throws {
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                throw fail("\(file) cannot be read as UTF-8 text; save it as 'CSV UTF-8'", .usage)
            }
            let session = try catalogOptions.openSession(options)
            let importer = MetadataImport(editor: MetadataEditor(session: session))
            let plan: MetadataImportPlan
            do throws(MetadataCSVProblem) {
                plan = try importer.plan(text)
            } catch {
                throw fail("\(file) \(error)", .usage)
            }
            print(plan.text, terminator: "")
            guard apply else {
                if !plan.edits.isEmpty { print("sohoa: dry run, nothing written; run again with --apply --by NAME to write") }
                if !plan.problems.isEmpty { throw ExitCode(.somethingFailed) }
                return
            }
            if !plan.problems.isEmpty && !skipBad {
                throw fail("nothing written: mend the bad rows, or pass --skip-bad to write the others", .somethingFailed)
            }
            do throws(MetadataEditError) {
                let results = try importer.apply(plan, by: by ?? "", skippingBad: skipBad)
                for result in results {
                    if let written = result.written { print("sohoa: \(result.itemID) is now version \(written.version)") }
                }
                print("sohoa: \(results.filter { $0.written != nil }.count) items changed")
            } catch {
                if case .conflict = error { throw fail(error.description, .somethingFailed) }
                throw fail(error.description, .archiveUnusable)
            }
            if !plan.problems.isEmpty { throw ExitCode(.somethingFailed) }
        }
    }
}
