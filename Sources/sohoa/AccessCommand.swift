import ArgumentParser
import Foundation
import SohoaCatalog
import SohoaCollection

extension AccessLevel: ExpressibleByArgument {}

/// `sohoa access ITEM [public|restricted|closed]`: who may see an item through `sohoa serve`
/// (without a level: prints the item's level).
struct AccessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access",
        abstract: "Đặt quyền truy cập của một tài liệu. (Set who may see an item: public, restricted or closed.)",
        discussion:
            "public: everyone; restricted: signed-in users only; closed: never served (search, item pages, images, PDFs, "
            + "OAI-PMH, IIIF). Exit codes: 0 done; 2 no such item or bad level; 3 archive or catalog unusable.")

    @Argument(help: "The item id.")
    var item: String

    @Argument(help: "public, restricted or closed; without it, the item's level is printed.")
    var level: AccessLevel?

    @OptionGroup var options: ArchiveOptions

    @OptionGroup var catalogOptions: CatalogOptions

    func run() throws {
        let session = try catalogOptions.openSession(options)
        let id = item.precomposedStringWithCanonicalMapping
        do throws(CatalogError) {
            guard let level else {
                guard let current = try session.catalog.access(itemID: id) else { throw CatalogError.noSuchItem(id, session) }
                print(current.rawValue)
                return
            }
            try session.catalog.setAccess(itemID: id, level)
            print("sohoa: item \(item) is now \(level.rawValue)")
        } catch {
            if error.kind == .notFound {
                throw fail("the archive has no item '\(item)'; see `sohoa status` for the items", .usage)
            }
            throw fail(error.description, .archiveUnusable)
        }
    }
}

extension CatalogError {
    /// The catalog has no item with this id.
    fileprivate static func noSuchItem(_ id: String, _ session: ArchiveSession) -> CatalogError {
        CatalogError(kind: .notFound, file: session.catalog.file, message: "no item '\(id)'")
    }
}
