import ArgumentParser
import Foundation
import SohoaArchive
import SohoaCollection

/// `sohoa import <bag>...`: ingests bags from other libraries, each verified completely first.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Nhập túi BagIt từ thư viện khác. (Import BagIt bags from another library, verified first.)",
        discussion:
            "A damaged bag is refused with a list of its problems and nothing of it is imported. "
            + "Exit codes: 0 all imported; 1 some bags refused (listed); 2 usage error; 3 archive or catalog unusable.")

    @Argument(help: "Bag folders (made by `sohoa export --format bag`).")
    var bags: [String]

    @OptionGroup var options: ArchiveOptions

    @OptionGroup var catalogOptions: CatalogOptions

    func validate() throws {
        if bags.isEmpty { throw ValidationError("name at least one bag folder") }
    }

    func run() throws {
        let catalog = try catalogOptions.writableCatalog(archive: options.archiveURL)
        let session: ArchiveSession
        do {
            session = try BagImporter.openArchive(options.archiveURL, catalog: catalog)
        } catch {
            throw fail(error.description, error.exitStatus)
        }
        let importer = BagImporter(session: session)
        var refused = 0
        for bag in bags {
            do {
                let done = try importer.importBag(URL(fileURLWithPath: bag).standardizedFileURL)
                print(
                    "✓ \(done.bag): \(done.objectID) \(done.version)"
                        + (done.unchanged ? (Messages.english ? " (already held)" : " (đã có)") : "")
                        + ", \(done.pageCount) \(Messages.pages)")
            } catch let problems as BagProblems {
                refused += 1
                FileHandle.standardError.write(Data("sohoa: \(problems.description)\n".utf8))
            } catch let error as RunError {
                throw fail(error.description, error.exitStatus)
            } catch {
                throw fail("import of \(bag) failed: \(error)", .archiveUnusable)
            }
        }
        if refused > 0 { throw ExitCode(.somethingFailed) }
    }
}
