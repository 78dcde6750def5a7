import Foundation

/// What a program printed and how it ended.
public struct ProcessOutput: Sendable {
    public var exitCode: Int32
    public var stdout: String
    public var stderr: String

    public init(exitCode: Int32, stdout: String, stderr: String) {
        self.exitCode = exitCode
        self.stdout = stdout
        self.stderr = stderr
    }

    /// Everything it printed.
    public var output: String { stdout + stderr }

    /// The validators' convention: the last line printed (on standard output, else standard error)
    /// is a one-line summary.
    public var summary: String {
        (stdout.split(separator: "\n").last ?? stderr.split(separator: "\n").last).map(String.init) ?? ""
    }
}
