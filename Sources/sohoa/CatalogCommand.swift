import ArgumentParser
import Foundation
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
                + "made again on the destination. Run it while no other sohoa command uses either catalog. Exit codes: "
                + "0 copied; 1 the counts differ after the copy; 2 usage error (bad address, both sides the same kind, "
                + "destination not empty); 3 a catalog cannot be used (server unreachable, password refused, not a sohoa "
                + "catalog, different schema versions).")

        @Option(name: .long, help: "The catalog to copy: postgresql://…, a catalog.sqlite file or an archive folder.")
        var from: String

        @Option(name: .long, help: "Where to copy it: postgresql://…, a catalog.sqlite file or an archive folder.")
        var to: String

        @Flag(name: .long, help: "Delete what the destination holds before copying.")
        var replace = false

        func run() throws {
            do {
                let source = try CatalogLocation.parse(from)
                let destination = try CatalogLocation.parse(to)
                let report = try CatalogCopy.copy(from: source, to: destination, replace: replace) { table in
                    print("\(table.name): \(table.rows)")
                }
                print(
                    Messages.english
                        ? "copied \(report.totalRows) rows of \(report.tables.count) tables from \(source) to \(destination)"
                        : "đã chép \(report.totalRows) dòng của \(report.tables.count) bảng từ \(source) sang \(destination)")
            } catch {
                let status: ExitStatus =
                    switch error.kind {
                    case .badAddress, .destinationNotEmpty: .usage
                    case .countMismatch, .constraintViolated: .somethingFailed
                    default: .archiveUnusable
                    }
                throw fail(error.description, status)
            }
        }
    }
}
