import ArgumentParser
import Foundation
import SohoaCollection

/// Prints `message` to standard error and ends with `status` (DESIGN §8).
func fail(_ message: String, _ status: ExitStatus) -> ExitCode {
    FileHandle.standardError.write(Data("sohoa: \(message)\n".utf8))
    return ExitCode(status)
}

extension ExitCode {
    /// The process exit code of `status`.
    init(_ status: ExitStatus) { self.init(status.rawValue) }
}
