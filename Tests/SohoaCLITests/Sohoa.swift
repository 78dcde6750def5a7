import Foundation
import SohoaTesting
import XCTest

/// Runs the built `sohoa` binary as a user would, and captures what it prints.
enum Sohoa {
    typealias Result = ProcessOutput

    /// The package's root folder.
    static let packageRoot = SharedFolder.packageRoot

    /// The `sohoa` executable next to the test bundle.
    static var binary: URL { SohoaBinary.url }

    /// Runs `sohoa` with `arguments`; `environment` adds to this process's environment.
    @discardableResult
    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil) throws -> Result {
        try ProcessRunner.run(binary, arguments, environment: environment, in: directory ?? packageRoot)
    }
}

extension ProcessOutput {
    /// The JSON objects `sohoa run` printed, one per line (non-terminal output).
    var jsonLines: [[String: Any]] {
        stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
    }

    /// The final `summary` line of `sohoa run`.
    var runSummary: [String: Any]? { jsonLines.last { $0["event"] as? String == "summary" } }
}
