import ArgumentParser
import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaCollection
import SohoaPostgres

/// `sohoa catalog copy --from … --to …`: moves a catalog between SQLite and PostgreSQL (issue 16).
struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Quản lý danh mục: chép giữa SQLite và PostgreSQL. (Manage the catalog: copy it between SQLite and PostgreSQL.)",
        subcommands: [Copy.self])

    /// `sohoa catalog copy --from SOURCE --to DESTINATION [--replace]`.
    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Chép toàn bộ danh mục sang nơi khác. (Copy a whole catalog, keeping every id.)",
            discussion:
                "One side is a postgresql://user:password@host:port/database address, the other a catalog.sqlite file or "
                + "an archive folder. Both catalogs are brought up to date first; the destination must be empty unless "
                + "--replace. Rows go over table by table and the row counts are checked at the end; the search index is "
                + "made again on the destination. An archive's catalog is copied under the archive's run lock, as `sohoa run` "
                + "holds it: the copy refuses an archive a run is using, and a run started during the copy is refused "
                + "(stop `sohoa serve` on it first, which takes no lock). Exit codes: "
                + "0 copied; 1 the counts differ after the copy; 2 usage error (bad address, both sides the same kind, "
                + "destination not empty); 3 a catalog cannot be used (server unreachable, TLS failed, password refused, "
                + "not a sohoa catalog, different schema versions, an archive in use by a run).")

        @Option(name: .long, help: "The catalog to copy: postgresql://…, a catalog.sqlite file or an archive folder.")
        var from: String

        @Option(name: .long, help: "Where to copy it: postgresql://…, a catalog.sqlite file or an archive folder.")
        var to: String

        @Flag(name: .long, help: "Delete what the destination holds before copying.")
        var replace = false

        func run() throws {
            let source: CatalogLocation
            let destination: CatalogLocation
            do {
                source = try CatalogLocation.parse(from)
                destination = try CatalogLocation.parse(to)
            } catch {
                throw Self.failure(error)
            }
            // Held until the copy ends: no `sohoa run` writes an archive's catalog while it is copied
            // from, and none is wiped under a run by `--replace`.
            let locks: [RunLock]
            do {
                // One lock per archive: the same archive on both sides is refused by the copy itself
                // (one side must be PostgreSQL), not reported busy by its own second lock.
                var archives = [source, destination].compactMap(Self.archiveFolder)
                if archives.count == 2, archives[0].standardizedFileURL == archives[1].standardizedFileURL { archives.removeLast() }
                locks = try archives.map { archive throws(RunError) in
                    try RunLock.acquire(archive: archive, batch: "sohoa catalog copy")
                }
            } catch {
                throw fail(error.description, error.exitStatus)
            }
            defer { withExtendedLifetime(locks) {} }
            do {
                let report = try CatalogCopy.copy(from: source, to: destination, replace: replace) { table in
                    print("\(table.name): \(table.rows)")
                }
                print(
                    Messages.english
                        ? "copied \(report.totalRows) rows of \(report.tables.count) tables from \(source) to \(destination)"
                        : "đã chép \(report.totalRows) dòng của \(report.tables.count) bảng từ \(source) sang \(destination)")
            } catch {
                throw Self.failure(error)
            }
        }

        /// `error` as the command's exit: its message on standard error, its exit status.
        static func failure(_ error: PostgresCatalogError) -> ExitCode {
            let status: ExitStatus =
                switch error.kind {
                case .badAddress, .destinationNotEmpty: .usage
                case .countMismatch, .constraintViolated: .somethingFailed
                default: .archiveUnusable
                }
            return fail(error.description, status)
        }

        /// The archive whose catalog `location` is (a `catalog.sqlite` in a folder holding an OCFL
        /// storage root's `0=ocfl_1.1`), or nil for PostgreSQL or a file outside an archive.
        static func archiveFolder(_ location: CatalogLocation) -> URL? {
            guard case .sqlite(let file) = location, file.lastPathComponent == Catalog.fileName else { return nil }
            let folder = file.deletingLastPathComponent()
            return FileManager.default.fileExists(atPath: folder.appendingPathComponent(OCFLStorageRoot.declarationName).path)
                ? folder : nil
        }
    }
}
