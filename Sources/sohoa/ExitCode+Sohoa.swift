import ArgumentParser
import Foundation

/// Prints `message` to standard error and ends with `code` (DESIGN §8).
func fail(_ message: String, code: Int32) -> ExitCode {
    FileHandle.standardError.write(Data("sohoa: \(message)\n".utf8))
    return ExitCode(code)
}
