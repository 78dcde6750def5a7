import ArgumentParser
import Foundation
import SohoaArchive
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
    /// DESIGN §8's exit code and a plain message when the catalog cannot be opened, or (exit 2) when it
    /// is a SQLite catalog of another archive (`refuseAnotherArchivesCatalog`).
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
            try Self.refuseAnotherArchivesCatalog(file, archive: archive)
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

    /// Ends the command (exit 2) when the SQLite catalog `file` is another archive's: its folder is an
    /// OCFL storage root (it holds `0=ocfl_1.1`) other than `archive`, so a `run` or `import` would
    /// write this archive's items into that archive's catalog.
    static func refuseAnotherArchivesCatalog(_ file: URL, archive: URL) throws {
        let folder = file.deletingLastPathComponent()
        let canonical = { (url: URL) in url.standardizedFileURL.resolvingSymlinksInPath().path }
        guard canonical(folder) != canonical(archive),
            FileManager.default.fileExists(atPath: folder.appendingPathComponent(OCFLStorageRoot.declarationName).path)
        else { return }
        throw fail(
            "danh mục \(file.path) là của một kho khác (\(folder.path)), không phải của kho \(archive.path): ghi vào đó sẽ "
                + "trộn tài liệu của hai kho; bỏ --catalog, hoặc dùng --archive \(folder.path) / the catalog \(file.path) "
                + "belongs to another archive (\(folder.path)), not to \(archive.path): writing into it would mix the two "
                + "archives' items; drop --catalog, or use --archive \(folder.path)",
            .usage)
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
