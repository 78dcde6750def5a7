import Foundation
import SohoaSharing

/// How `sohoa submit` and `sohoa submissions` print a submission.
enum SubmissionOutput {
    /// One line: id, state, name, progress.
    static func line(_ status: SubmissionStatus) -> String {
        var text = "#\(status.id)  \(status.state)  \(status.name)"
        switch status.state {
        case "uploading": text += "  \(status.receivedBytes)/\(status.size) bytes"
        case "running", "archived", "failed":
            if status.pagesTotal > 0 { text += "  \(status.pagesDone)/\(status.pagesTotal) pages" }
            if status.pagesFailed > 0 { text += ", \(status.pagesFailed) failed" }
        default: break
        }
        if let library = status.libraryCode { text += "  [\(library)]" }
        return text
    }

    /// The problems, one per line, indented.
    static func problems(_ status: SubmissionStatus) -> String {
        status.problems.map { "  - \($0)\n" }.joined()
    }

    /// A JSON object on one line.
    static func json(_ value: some Encodable) -> String {
        String(decoding: (try? JSONEncoder.submission.encode(value)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
