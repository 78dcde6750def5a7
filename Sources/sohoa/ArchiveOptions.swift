import ArgumentParser
import Foundation

/// Options every command takes (DESIGN §8).
struct ArchiveOptions: ParsableArguments {
    @Option(name: .long, help: "The archive folder (an OCFL storage root; the catalog lives inside it).")
    var archive: String = "./archive"

    @Flag(name: .long, help: "Machine-readable output.")
    var json = false

    var archiveURL: URL { URL(fileURLWithPath: archive).standardizedFileURL }
}
