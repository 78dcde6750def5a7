import ArgumentParser
import Foundation
import SohoaCatalog
import SohoaCollection

/// `sohoa libraries add|list|rename`: the network's libraries (the provincial library and the
/// district libraries), whose codes items, holdings and users carry.
struct LibrariesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "libraries",
        abstract: "Quản lý danh sách thư viện trong mạng lưới. (Manage the network's libraries.)",
        discussion:
            "A library code is 1 to 32 letters A-Z, digits, '-' or '_' (e.g. TUY). Codes already used by items or holdings "
            + "are listed with the code as their name until renamed. Exit codes: 0 success; 2 usage error (bad or "
            + "duplicate code, unknown code, empty name, a second provincial library); 3 archive or catalog unusable.",
        subcommands: [Add.self, List.self, Rename.self])

    /// `sohoa libraries add CODE NAME [--district D] [--provincial]`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Thêm thư viện. (Add a library.)")

        @Argument(help: "The library code, e.g. TUY.")
        var code: String

        @Argument(help: "The Vietnamese name, e.g. \"Thư viện huyện Than Uyên\".")
        var name: String

        @Option(name: .long, help: "The district, e.g. \"Than Uyên\".")
        var district: String?

        @Flag(name: .long, help: "This is the provincial library (its managers see every library's progress).")
        var provincial = false

        @OptionGroup var options: ArchiveOptions

        @OptionGroup var catalogOptions: CatalogOptions

        func validate() throws {
            if LibraryRecord.code(code) == nil {
                throw ValidationError("'\(code)' is not a library code: use 1 to 32 letters A-Z, digits, '-' or '_' (e.g. TUY)")
            }
        }

        func run() throws {
            let session = try catalogOptions.openWritableSession(options)
            let added: LibraryRecord
            do {
                added = try session.catalog.addLibrary(code: code, name: name, district: district, provincial: provincial)
            } catch {
                throw fail(error.description, LibraryText.exitStatus(error))
            }
            print("sohoa: added library \(LibraryText.line(added))")
        }
    }

    /// `sohoa libraries rename CODE NAME [--district D] [--provincial]`.
    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Đổi tên thư viện. (Rename a library; also sets its district, or makes it the provincial library.)")

        @Argument(help: "The library code.")
        var code: String

        @Argument(help: "The new Vietnamese name.")
        var name: String

        @Option(name: .long, help: "The district.")
        var district: String?

        @Flag(name: .long, help: "Make it the provincial library (when no other library is).")
        var provincial = false

        @OptionGroup var options: ArchiveOptions

        @OptionGroup var catalogOptions: CatalogOptions

        func run() throws {
            let session = try catalogOptions.openWritableSession(options)
            let renamed: LibraryRecord
            do {
                renamed = try session.catalog.renameLibrary(code: code, name: name, district: district, provincial: provincial)
            } catch {
                throw fail(error.description, LibraryText.exitStatus(error))
            }
            print("sohoa: library \(LibraryText.line(renamed))")
        }
    }

    /// `sohoa libraries list [--json]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Liệt kê thư viện. (List the libraries.)")

        @OptionGroup var options: ArchiveOptions

        @OptionGroup var catalogOptions: CatalogOptions

        func run() throws {
            let session = try catalogOptions.openSession(options)
            let libraries: [LibraryRecord]
            do {
                libraries = try session.catalog.libraries()
            } catch {
                throw fail(error.description, .archiveUnusable)
            }
            if options.json {
                let rows = libraries.map {
                    LibraryListing(code: $0.code, name: $0.name, district: $0.district, provincial: $0.provincial)
                }
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(rows), as: UTF8.self))
                return
            }
            if libraries.isEmpty {
                print("no libraries yet; add one with `sohoa libraries add CODE \"Tên thư viện\"`")
                return
            }
            for library in libraries {
                print(LibraryText.line(library, separator: "\t"))
            }
        }
    }
}

/// One entry of `sohoa libraries list --json`.
private struct LibraryListing: Encodable {
    var code: String
    var name: String
    var district: String?
    var provincial: Bool
}

/// How the subcommands show a library and map catalog errors to exit codes.
private enum LibraryText {
    static func line(_ library: LibraryRecord, separator: String = " ") -> String {
        var parts = [library.code, library.name]
        if let district = library.district { parts.append(district) }
        if library.provincial { parts.append("provincial") }
        return separator == " " ? "\(library.code) (\(parts.dropFirst().joined(separator: ", ")))" : parts.joined(separator: separator)
    }

    static func exitStatus(_ error: CatalogError) -> ExitStatus {
        error.kind == .constraintViolated || error.kind == .notFound ? .usage : .archiveUnusable
    }
}
