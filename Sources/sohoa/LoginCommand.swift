import ArgumentParser
import Foundation
import SohoaCollection
import SohoaSharing

/// `sohoa login <server-url> --user NAME [--password-stdin]`: signs in to a `sohoa serve` and keeps
/// its token (mode 0600) for `sohoa submit` and `sohoa submissions`.
struct LoginCommand: ServerClientCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Đăng nhập vào máy chủ sohoa để gửi lô. (Sign in to a sohoa server to submit batches.)",
        discussion:
            "The token is kept in $XDG_CONFIG_HOME/sohoa/tokens.json (~/.config/sohoa/tokens.json), readable by you only. Exit codes: 0 signed in; 2 wrong name or password, or usage; 3 the server cannot be reached."
    )

    @Argument(help: "The server's address, e.g. https://thuvien.laichau.gov.vn")
    var server: String

    @Option(name: .long, help: "Your account's name on the server.")
    var user: String

    @Flag(name: .long, help: "Read the password from the first line of standard input (for scripts).")
    var passwordStdin = false

    func validate() throws {
        guard server.hasPrefix("http://") || server.hasPrefix("https://") else {
            throw ValidationError("the server's address must start with http:// or https://, got '\(server)'")
        }
    }

    func perform() async throws {
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
            password = HiddenPrompt.read("Mật khẩu (password): ") ?? ""
        }
        let answer: LoginResponse
        do {
            answer = try await SubmissionClient(server: server).login(name: user, password: password)
        } catch {
            throw fail(error.description, error.isTransient ? .archiveUnusable : .usage)
        }
        do {
            try TokenStore.standard().save(answer.token, for: server)
        } catch {
            throw fail(error.description, .usage)
        }
        print("đã đăng nhập \(server) với tên \(answer.name) (\(answer.role)) / signed in to \(server) as \(answer.name)")
    }
}
