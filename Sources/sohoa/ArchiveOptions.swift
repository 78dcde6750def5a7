import ArgumentParser
import Foundation
import SohoaCollection

/// Options every command takes (DESIGN §8).
struct ArchiveOptions: ParsableArguments {
    @Option(name: .long, help: "The archive folder (an OCFL storage root; the catalog lives inside it).")
    var archive: String = "./archive"

    @Flag(name: .long, help: "Machine-readable output.")
    var json = false

    var archiveURL: URL { URL(fileURLWithPath: archive).standardizedFileURL }

    /// Opens the existing archive, or ends the command with DESIGN §8's exit code and a plain message
    /// (also when `SOHOA_CATALOG` names another catalog: see `CatalogOptions`).
    func openSession() throws -> ArchiveSession {
        try refuseOtherCatalog()
        do {
            return try ArchiveSession(folder: archiveURL)
        } catch {
            throw fail(error.description, error.exitStatus)
        }
    }
}
