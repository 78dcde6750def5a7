import ArgumentParser
import Foundation
import SohoaCatalog
import SohoaCollection
import SohoaPostgres

/// `--catalog postgresql://…` (else `SOHOA_CATALOG`, else the archive's `catalog.sqlite`): the catalog
/// of every command that opens a catalog (issue 16; README's `--catalog` list).
struct CatalogOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The catalog (default: SOHOA_CATALOG, else <archive>/catalog.sqlite): a postgresql:// address, a catalog.sqlite file or an archive folder.",
            valueName: "postgresql://…"))
    var catalog: String?

    /// Opens the archive of `options` with the catalog named by `--catalog` or `SOHOA_CATALOG`, or ends
    /// the command with DESIGN §8's exit code and a plain message.
    func openSession(_ options: ArchiveOptions) throws -> ArchiveSession {
        let location: CatalogLocation
        do {
            location = try CatalogLocation.resolve(option: catalog, archive: options.archiveURL)
        } catch {
            throw fail(error.description, .usage)
        }
        switch location {
        case .sqlite(let file):
            // These commands only read: a catalog named by mistake (a typo, a folder that is not an
            // archive) is refused, not made empty and reported as zeros.
            let own = options.archiveURL.appendingPathComponent(Catalog.fileName).standardizedFileURL
            if file.standardizedFileURL != own, !FileManager.default.fileExists(atPath: file.path) {
                throw fail(
                    "không có danh mục ở \(file.path) / there is no catalog at \(file.path): name a catalog.sqlite file, "
                        + "an archive folder or a postgresql:// address", .usage)
            }
            do {
                return try ArchiveSession(folder: options.archiveURL) { () throws(CatalogError) in try Catalog(url: file) }
            } catch {
                throw fail(error.description, error.exitStatus)
            }
        case .postgres(let address):
            // Connected (and migrated) before the archive is looked at, so its errors keep their words.
            let backend: PostgresCatalogBackend
            do {
                backend = try PostgresCatalogBackend(address, creating: false)
            } catch {
                throw CatalogCommand.Copy.failure(error)
            }
            do {
                return try ArchiveSession(folder: options.archiveURL) { () throws(CatalogError) in Catalog(backend: backend) }
            } catch {
                throw fail(error.description, error.exitStatus)
            }
        }
    }
}

extension CatalogOptions {
    /// The catalog of a command that writes (`run`, `import`, `holdings import`, `libraries add` and
    /// `rename`): the one `--catalog` or `SOHOA_CATALOG` names, made (and migrated) there when it does
    /// not exist yet, as `sohoa run` makes the archive's `catalog.sqlite`; `nil` when that is the
    /// archive's own `catalog.sqlite`, which the command opens as it always has. Ends the command with
    /// DESIGN §8's exit code and a plain message when the catalog cannot be opened.
    func writableCatalog(archive: URL) throws -> Catalog? {
        let location: CatalogLocation
        do {
            location = try CatalogLocation.resolve(option: catalog, archive: archive)
        } catch {
            throw fail(error.description, .usage)
        }
        switch location {
        case .sqlite(let file):
            if file.standardizedFileURL == archive.appendingPathComponent(Catalog.fileName).standardizedFileURL { return nil }
            do {
                return try Catalog(url: file)
            } catch {
                throw fail(error.description, .archiveUnusable)
            }
        case .postgres(let address):
            do {
                return Catalog(backend: try PostgresCatalogBackend(address, creating: true))
            } catch {
                throw CatalogCommand.Copy.failure(error)
            }
        }
    }

    /// Opens the existing archive of `options` with the catalog of a command that writes
    /// (`writableCatalog`), or ends the command with DESIGN §8's exit code and a plain message.
    func openWritableSession(_ options: ArchiveOptions) throws -> ArchiveSession {
        guard let catalog = try writableCatalog(archive: options.archiveURL) else {
            do {
                return try ArchiveSession(folder: options.archiveURL)
            } catch {
                throw fail(error.description, error.exitStatus)
            }
        }
        do {
            return try ArchiveSession(folder: options.archiveURL) { () throws(CatalogError) in catalog }
        } catch {
            throw fail(error.description, error.exitStatus)
        }
    }
}
