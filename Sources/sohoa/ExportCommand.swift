import ArgumentParser
import Foundation
import SohoaCollection

/// `sohoa export <item>|--all --format text|alto|pdf|pdf-reading|bag --out DIR`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract:
            "Xuất văn bản, ALTO, PDF hoặc túi BagIt của tài liệu đã lưu trữ. (Export text, ALTO, PDF or BagIt bags of archived items.)")

    @Argument(help: "Item ids to export (see `sohoa status`).")
    var items: [String] = []

    @Flag(name: .long, help: "Export every archived item.")
    var all = false

    @Option(
        name: .long,
        help:
            "text (<out>/<item>/<page>.txt), alto (<out>/<item>/<page>.xml), pdf (<out>/<item>.pdf, the archival PDF/A), pdf-reading (<out>/<item>.pdf, the compact reading PDF) or bag (<out>/<item>/, BagIt 1.0 of the archived object)."
    )
    var format: String

    @Option(name: .long, help: "Folder to write into (created if missing).")
    var out: String

    @OptionGroup var options: ArchiveOptions

    func validate() throws {
        guard ExportFormat(rawValue: format) != nil else {
            throw ValidationError(
                "--format must be one of: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")); got '\(format)'")
        }
        guard all != !items.isEmpty else {
            throw ValidationError("name the items to export, or give --all (not both)")
        }
    }

    func run() throws {
        let session = try options.openSession()
        let written: [URL]
        do {
            written = try Exporter(session: session).export(
                itemIDs: all ? nil : items, format: ExportFormat(rawValue: format) ?? .text,
                to: URL(fileURLWithPath: out).standardizedFileURL)
        } catch {
            throw fail(error.description, error.exitStatus)
        }
        for url in written { print(url.path) }
        FileHandle.standardError.write(Data("\(written.count) \(Messages.english ? "files written" : "tệp đã ghi")\n".utf8))
    }
}
