import ArgumentParser
import Foundation
import SohoaCollection
import SohoaSharing

/// `sohoa submissions <server-url> [--json]`: your submissions on the server and their states.
struct SubmissionsCommand: ServerClientCommand {
    static let configuration = CommandConfiguration(
        commandName: "submissions",
        abstract: "Các lô bạn đã gửi và trạng thái. (Your submitted batches and their states.)",
        discussion:
            "States: uploading, received, verified, queued, running (pages done/total), archived, failed (with reasons). Exit codes: 0 listed; 2 not signed in (run `sohoa login`); 3 the server cannot be reached."
    )

    @Argument(help: "The server's address.")
    var server: String

    @Flag(name: .long, help: "Machine-readable output (a JSON array).")
    var json = false

    func perform() async throws {
        let client = try SubmitCommand.signedInClient(server)
        let list: [SubmissionStatus]
        do {
            list = try await client.list()
        } catch {
            throw fail(error.description, SubmitCommand.exitStatus(error))
        }
        if json {
            print(SubmissionOutput.json(list))
            return
        }
        if list.isEmpty { print("chưa gửi lô nào / no submissions yet") }
        for status in list {
            print(SubmissionOutput.line(status))
            if !status.problems.isEmpty { print(SubmissionOutput.problems(status), terminator: "") }
        }
    }
}
