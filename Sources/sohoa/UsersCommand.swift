import ArgumentParser
import Foundation
import SohoaCatalog
import SohoaCollection
import SohoaServer

extension UserRole: ExpressibleByArgument {}

/// `sohoa users add|passwd|disable|enable|list`: the accounts of `sohoa serve`.
struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Quản lý tài khoản của máy chủ web. (Manage the accounts of `sohoa serve`.)",
        discussion:
            "Roles: scanner, archivist (reviews OCR), manager (dashboard), admin. Each user works for a library "
            + "(--library CODE, see `sohoa libraries list`): scanners and archivists on its items only, a district "
            + "library's manager on its progress; admins and the provincial library's managers on every library. "
            + "Without --library: the provincial library when one is marked, else every library (as accounts made "
            + "before libraries existed). Passwords are stored as bcrypt hashes "
            + "(cost 12, or SOHOA_BCRYPT_COST). Exit codes: 0 success; 2 usage error (unknown role or user, bad password); "
            + "3 archive or catalog unusable.",
        subcommands: [Add.self, Passwd.self, Disable.self, Enable.self, Library.self, List.self])

    /// `sohoa users add NAME --role ROLE [--library CODE] [--display-name TEXT] [--password-stdin]`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Thêm tài khoản. (Add an account; asks for the password twice.)")

        @Argument(help: "The sign-in name (no spaces, ':' or '/').")
        var name: String

        @Option(name: .long, help: "scanner, archivist, manager or admin.")
        var role: UserRole

        @Option(name: .long, help: "The name shown on pages, e.g. \"Nguyễn Văn A\".")
        var displayName: String?

        @Option(name: .long, help: "The code of the user's library, e.g. TUY (default: the provincial library, if marked).")
        var library: String?

        @OptionGroup var password: PasswordInput
        @OptionGroup var options: ArchiveOptions
        @OptionGroup var catalogOptions: CatalogOptions

        func validate() throws {
            try UserName.validate(name)
        }

        func run() throws {
            let session = try catalogOptions.openSession(options)
            let libraryCode = try UserName.library(library, in: session.catalog)
            let hash = try password.read(confirm: true)
            do {
                try session.catalog.addUser(
                    name: name, displayName: displayName, role: role, libraryCode: libraryCode, passwordHash: hash)
            } catch {
                throw fail(error.description, error.kind == .constraintViolated || error.kind == .notFound ? .usage : .archiveUnusable)
            }
            print(
                "sohoa: added user \(name.precomposedStringWithCanonicalMapping) (\(role.rawValue), "
                    + "\(libraryCode.map { "library \($0)" } ?? "every library"))")
        }
    }

    /// `sohoa users passwd NAME [--password-stdin]`.
    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Đặt mật khẩu mới. (Set a new password; the user's sessions end.)")

        @Argument(help: "The sign-in name.")
        var name: String

        @OptionGroup var password: PasswordInput
        @OptionGroup var options: ArchiveOptions
        @OptionGroup var catalogOptions: CatalogOptions

        func run() throws {
            let session = try catalogOptions.openSession(options)
            try UserName.requireExisting(name, in: session.catalog)
            let hash = try password.read(confirm: true)
            do {
                try session.catalog.setPasswordHash(name: name, hash)
            } catch {
                throw fail(error.description, error.kind == .notFound ? .usage : .archiveUnusable)
            }
            print("sohoa: new password set for \(name); their sessions have ended")
        }
    }

    /// `sohoa users disable NAME`.
    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Khóa tài khoản. (Disable an account: no sign-in, sessions end at once.)")

        @Argument(help: "The sign-in name.")
        var name: String

        @OptionGroup var options: ArchiveOptions

        @OptionGroup var catalogOptions: CatalogOptions

        func run() throws {
            try UserName.setDisabled(name, true, options: options, catalogOptions: catalogOptions)
            print("sohoa: user \(name) is disabled")
        }
    }

    /// `sohoa users enable NAME`.
    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mở khóa tài khoản. (Enable a disabled account again.)")

        @Argument(help: "The sign-in name.")
        var name: String

        @OptionGroup var options: ArchiveOptions

        @OptionGroup var catalogOptions: CatalogOptions

        func run() throws {
            try UserName.setDisabled(name, false, options: options, catalogOptions: catalogOptions)
            print("sohoa: user \(name) is enabled")
        }
    }

    /// `sohoa users library NAME CODE|--all`.
    struct Library: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Chuyển tài khoản sang thư viện khác. (Move an account to a library; its sessions end.)")

        @Argument(help: "The sign-in name.")
        var name: String

        @Argument(help: "The library code, e.g. TUY.")
        var code: String?

        @Flag(name: .long, help: "Every library instead of one (as accounts made before libraries existed).")
        var all = false

        @OptionGroup var options: ArchiveOptions

        @OptionGroup var catalogOptions: CatalogOptions

        func validate() throws {
            if (code == nil) == !all { throw ValidationError("give a library code, or --all for every library") }
        }

        func run() throws {
            let session = try catalogOptions.openSession(options)
            try UserName.requireExisting(name, in: session.catalog)
            do {
                try session.catalog.setUserLibrary(name: name, all ? nil : code)
            } catch {
                throw fail(error.description, error.kind == .notFound ? .usage : .archiveUnusable)
            }
            print(
                "sohoa: user \(name) now works for \(all ? "every library" : "library \(code?.uppercased() ?? "")"); their sessions have ended"
            )
        }
    }

    /// `sohoa users list [--json]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Liệt kê tài khoản. (List the accounts.)")

        @OptionGroup var options: ArchiveOptions

        @OptionGroup var catalogOptions: CatalogOptions

        func run() throws {
            let session = try catalogOptions.openSession(options)
            let users: [UserRecord]
            do {
                users = try session.catalog.users()
            } catch {
                throw fail(error.description, .archiveUnusable)
            }
            if options.json {
                let rows = users.map {
                    UserListing(
                        name: $0.name, displayName: $0.displayName, role: $0.role.rawValue, library: $0.libraryCode,
                        disabled: $0.disabled)
                }
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(rows), as: UTF8.self))
                return
            }
            if users.isEmpty {
                print("no users yet; add one with `sohoa users add NAME --role admin`")
                return
            }
            for user in users {
                let state = user.disabled ? "disabled" : "active"
                let shown = user.displayName.map { "  \($0)" } ?? ""
                print("\(user.name)\t\(user.role.rawValue)\t\(state)\t\(user.libraryCode ?? "*")\(shown)")
            }
        }
    }
}

/// One line of `sohoa users list --json`.
private struct UserListing: Encodable {
    var name: String
    var displayName: String?
    var role: String
    /// The user's library code; absent for every library.
    var library: String?
    var disabled: Bool
}

/// Checks on user names shared by the subcommands.
private enum UserName {
    static func validate(_ name: String) throws {
        if name.isEmpty || name.contains(where: { $0 == ":" || $0 == "/" || $0.isWhitespace }) {
            throw ValidationError("the user name '\(name)' must not be empty or contain spaces, ':' or '/'")
        }
    }

    /// The library a new user gets: `code` when the catalog lists it, else the provincial library when
    /// one is marked, else `nil` (every library). Ends the command (exit 2) naming an unknown code.
    static func library(_ code: String?, in catalog: Catalog) throws -> String? {
        do {
            guard let code else { return try catalog.provincialLibrary()?.code }
            guard let listed = try catalog.library(code: code) else {
                throw fail(
                    "there is no library '\(code)'; see `sohoa libraries list`, or add it with "
                        + "`sohoa libraries add \(code.uppercased()) \"Tên thư viện\"`", .usage)
            }
            return listed.code
        } catch let error as CatalogError {
            throw fail(error.description, .archiveUnusable)
        }
    }

    static func requireExisting(_ name: String, in catalog: Catalog) throws {
        let user: UserRecord?
        do {
            user = try catalog.user(name: name)
        } catch {
            throw fail(error.description, .archiveUnusable)
        }
        if user == nil { throw fail("there is no user named '\(name)'; see `sohoa users list`", .usage) }
    }

    static func setDisabled(
        _ name: String, _ disabled: Bool, options: ArchiveOptions, catalogOptions: CatalogOptions
    ) throws {
        let session = try catalogOptions.openSession(options)
        do {
            try session.catalog.setUserDisabled(name: name, disabled)
        } catch {
            if error.kind == .notFound { throw fail("there is no user named '\(name)'; see `sohoa users list`", .usage) }
            throw fail(error.description, .archiveUnusable)
        }
    }
}

/// How `sohoa users` gets a password: one line on standard input with `--password-stdin`, else
/// asked twice on the terminal without echo.
struct PasswordInput: ParsableArguments {
    @Flag(name: .long, help: "Read the password from the first line of standard input (for scripts).")
    var passwordStdin = false

    /// The bcrypt hash of the password given; ends the command with exit 2 when the password is
    /// refused, the two entries differ, or there is no terminal to ask on.
    func read(confirm: Bool) throws -> String {
        let hasher: PasswordHasher
        do {
            hasher = try PasswordHasher.fromEnvironment()
        } catch {
            throw fail(error.description, .usage)
        }
        let password: String
        if passwordStdin {
            guard let line = readLine(strippingNewline: true) else {
                throw fail("--password-stdin: standard input is empty; give the password on its first line", .usage)
            }
            password = line.hasSuffix("\r") ? String(line.dropLast()) : line
        } else {
            guard isatty(STDIN_FILENO) == 1 else {
                throw fail("no terminal to ask for the password on; pass --password-stdin and give it on standard input", .usage)
            }
            let first = HiddenPrompt.read("Mật khẩu (password): ") ?? ""
            do {
                try PasswordHasher.check(first)
            } catch {
                throw fail(error.description, .usage)
            }
            if confirm {
                let second = HiddenPrompt.read("Nhập lại mật khẩu (again): ") ?? ""
                guard first == second else {
                    throw fail("hai lần nhập mật khẩu không khớp (the two passwords differ); nothing was changed", .usage)
                }
            }
            password = first
        }
        do {
            return try hasher.hash(password)
        } catch {
            throw fail(error.description, .usage)
        }
    }
}

/// Asks for a line on the terminal with echo turned off.
enum HiddenPrompt {
    static func read(_ prompt: String) -> String? {
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { return readLine(strippingNewline: true) }
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return readLine(strippingNewline: true)
    }
}
