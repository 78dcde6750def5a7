import Foundation
import SohoaCollection

/// Fuzzes `sohoa import`: the bag is verified (`BagVerifier`) and, when sound, imported into a scratch archive.
enum BagReading {
    /// The receiving archive, opened once per process.
    static let importer: BagImporter? = {
        let folder = ScratchFolder.url.appendingPathComponent("archive", isDirectory: true)
        return (try? BagImporter.openArchive(folder)).map(BagImporter.init(session:))
    }()

    static func read(_ input: Data) {
        guard let importer else { return }
        let bag = ScratchFolder.url.appendingPathComponent("bag", isDirectory: true)
        BagInput(input).write(into: bag)
        _ = try? importer.importBag(bag)
    }
}
