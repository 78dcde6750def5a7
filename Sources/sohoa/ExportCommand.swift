import ArgumentParser
import Foundation
import SohoaCollection

/// `sohoa export <item>|--all --format text|alto|pdf|pdf-reading|bag|marc|marcxml --out DIR [--public-url URL]`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract:
            "Xuất văn bản, ALTO, PDF, túi BagIt hoặc biểu ghi MARC 21 của tài liệu đã lưu trữ. (Export text, ALTO, PDF, BagIt bags or MARC 21 records of archived items.)"
    )

    @Argument(help: "Item ids to export (see `sohoa status`).")
    var items: [String] = []

    @Flag(name: .long, help: "Export every archived item.")
    var all = false

    @Option(
        name: .long,
        help:
            "text (<out>/<item>/<page>.txt), alto (<out>/<item>/<page>.xml), pdf (<out>/<item>.pdf, the archival PDF/A), pdf-reading (<out>/<item>.pdf, the compact reading PDF), bag (<out>/<item>/, BagIt 1.0 of the archived object), marc (<out>/marc21.mrc, MARC 21 in ISO 2709) or marcxml (<out>/marc21.xml)."
    )
    var format: String

    @Option(
        name: .long,
        help: "For marc and marcxml: the address readers use (as for `sohoa serve --public-url`); 856 links to <url>/items/<item>.")
    var publicURL: String?

    @Option(name: .long, help: "Folder to write into (created if missing).")
    var out: String

    @OptionGroup var options: ArchiveOptions

    @OptionGroup var catalogOptions: CatalogOptions

    func validate() throws {
        guard ExportFormat(rawValue: format) != nil else {
            throw ValidationError(
                "--format must be one of: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")); got '\(format)'")
        }
        guard all != !items.isEmpty else {
            throw ValidationError("name the items to export, or give --all (not both)")
        }
        if ExportFormat(rawValue: format)?.isMARC == true, publicURL == nil {
            throw ValidationError(
                "--format \(format) needs --public-url, the address readers use (e.g. https://thuvien.laichau.gov.vn): each record links to the item's page there"
            )
        }
    }

    func run() throws {
        let session = try catalogOptions.openSession(options)
        if let marc = ExportFormat(rawValue: format), marc.isMARC {
            let export: MARCExport
            do {
                export = try Exporter(session: session).marc(
                    itemIDs: all ? nil : items, format: marc, to: URL(fileURLWithPath: out).standardizedFileURL, publicURL: publicURL)
            } catch {
                throw fail(error.description, error.exitStatus)
            }
            print(export.file.path)
            FileHandle.standardError.write(Data((Messages.marcExport(export) + "\n").utf8))
            if !export.unwritable.isEmpty { throw ExitCode(.somethingFailed) }
            return
        }
        let exportFormat = ExportFormat(rawValue: format) ?? .text
        let export: FileExport
        do {
            export = try Exporter(session: session).export(
                itemIDs: all ? nil : items, format: exportFormat, to: URL(fileURLWithPath: out).standardizedFileURL)
        } catch {
            throw fail(error.description, error.exitStatus)
        }
        for url in export.files { print(url.path) }
        var summary = Messages.filesWritten(export.files.count)
        if !export.skipped.isEmpty { summary += "; " + Messages.skippedWithout(export.skipped, format: exportFormat) }
        FileHandle.standardError.write(Data((summary + "\n").utf8))
    }
}
