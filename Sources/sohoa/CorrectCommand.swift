import ArgumentParser
import Foundation
import SohoaCollection

/// `sohoa correct <item> <page> --text FILE --by NAME`: a corrected text as a new archive version.
struct CorrectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct",
        abstract: "Sửa văn bản OCR của một trang (phiên bản mới). (Apply a corrected text to a page as a new archive version.)")

    @Argument(help: "The item id (see `sohoa status`).")
    var item: String

    @Argument(help: "The page name, e.g. p001 (the scan's file name without extension).")
    var page: String

    @Option(name: .long, help: "UTF-8 text file with the corrected text of the page, one line per text line.")
    var text: String

    @Option(name: .long, help: "Who made the correction (recorded in the archive).")
    var by: String

    @OptionGroup var options: ArchiveOptions

    @OptionGroup var catalogOptions: CatalogOptions

    func validate() throws {
        if by.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--by must name who corrected the text") }
    }

    func run() throws {
        let corrected: String
        do {
            corrected = try String(contentsOf: URL(fileURLWithPath: text), encoding: .utf8)
        } catch {
            throw fail("cannot read \(text) as UTF-8 text: \(error.localizedDescription)", .usage)
        }
        let session = try catalogOptions.openSession(options)
        do {
            let written = try PageCorrection(session: session).apply(itemID: item, pageName: page, text: corrected, by: by)
            print(
                written.unchanged
                    ? (Messages.english
                        ? "unchanged: \(written.objectID) \(written.version) already holds this text"
                        : "không đổi: \(written.objectID) \(written.version) đã có văn bản này")
                    : "\(written.objectID) \(written.version)")
        } catch {
            throw fail(error.description, error.exitStatus)
        }
    }
}
