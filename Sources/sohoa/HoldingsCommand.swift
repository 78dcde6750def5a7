import ArgumentParser
import Foundation
import SohoaCatalog
import SohoaCollection

/// `sohoa holdings`: the register of rare and local-history holdings (the 70% goal's denominator).
struct HoldingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "holdings",
        abstract: "Sổ đăng ký tài liệu quý hiếm, địa chí. (The register of rare and local-history holdings.)",
        subcommands: [HoldingsImportCommand.self, HoldingsCheckCommand.self])
}

/// `sohoa holdings import <register>`: CSV, MARC 21 (ISO 2709) or MARCXML; re-import updates by holding id.
struct HoldingsImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract:
            "Nhập sổ đăng ký (CSV, MARC .mrc, MARCXML); nhập lại sẽ cập nhật theo mã tài liệu. (Import a register; re-import updates by holding id.)"
    )

    @OptionGroup var options: ArchiveOptions

    @OptionGroup var catalogOptions: CatalogOptions

    @Argument(help: "The register: .csv, .mrc (MARC 21 ISO 2709) or .xml (MARCXML).")
    var register: String

    @Option(name: .long, help: "The format when the extension does not say it: csv, marc or marcxml.")
    var format: String?

    @Option(name: .long, help: "A YAML file overriding the MARC field mapping (see docs/progress.md).")
    var mapping: String?

    @Option(name: .long, help: "The library code for rows that name none (e.g. LCH).")
    var library: String?

    func validate() throws {
        if let format, HoldingsImporter.Format(rawValue: format) == nil {
            throw ValidationError("--format must be csv, marc or marcxml, not '\(format)'")
        }
    }

    func run() throws {
        let named = try catalogOptions.writableCatalog(archive: options.archiveURL)
        let file = URL(fileURLWithPath: register)
        var importer = HoldingsImporter(defaultLibraryCode: library?.uppercased())
        let report: HoldingsImportReport
        do {
            if let mapping { importer.mapping = try MARCMapping.load(URL(fileURLWithPath: mapping)) }
            let catalog = try HoldingsRegister.openCatalog(archive: options.archiveURL, catalog: named)
            report = try importer.importRegister(file, into: catalog, format: format.flatMap(HoldingsImporter.Format.init))
        } catch let error as HoldingsImportError {
            throw fail(error.description, .usage)
        } catch let error as RunError {
            throw fail(error.description, error.exitStatus)
        } catch {
            throw fail("cannot store the register: \(error)", .archiveUnusable)
        }
        if options.json {
            print(String(decoding: try JSONEncoder.sorted.encode(report), as: UTF8.self))
        } else {
            print(report.text)
        }
        if !report.rejected.isEmpty { throw ExitCode(.somethingFailed) }
    }
}

/// `sohoa holdings check`: items whose holding id is unknown or missing, holdings with several items.
struct HoldingsCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract:
            "Liệt kê tài liệu số chưa liên kết hoặc liên kết sai với sổ đăng ký. (List items to link to the register, and holdings with several items.)"
    )

    @OptionGroup var options: ArchiveOptions

    @OptionGroup var catalogOptions: CatalogOptions

    func run() throws {
        let session = try catalogOptions.openSession(options)
        let check: HoldingsCheck
        do {
            check = try session.catalog.holdingsCheck()
        } catch {
            throw fail("cannot read the catalog: \(error)", .archiveUnusable)
        }
        if options.json {
            print(String(decoding: try JSONEncoder.sorted.encode(check), as: UTF8.self))
        } else {
            print(HoldingsCheckText.text(check))
        }
        if !check.itemsWithUnknownHolding.isEmpty || !check.holdingsWithSeveralItems.isEmpty { throw ExitCode(.somethingFailed) }
    }
}

extension JSONEncoder {
    /// Pretty, sorted keys, ISO 8601 dates: the CLI's `--json`.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return encoder
    }
}
