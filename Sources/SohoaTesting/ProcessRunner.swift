import Foundation

/// Runs programs for tests (the `sohoa` binary, validators, generators) and captures their output.
public enum ProcessRunner {
    /// Runs `executable` with `arguments`; `environment` adds to this process's (with
    /// `OMP_THREAD_LIMIT=1`, which Tesseract needs); `input` is written to its standard input.
    /// Output goes through files, not pipes, so a chatty program never blocks on a full pipe.
    public static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil,
        input: String? = nil
    ) throws -> ProcessOutput {
        let capture = try Capture(executable, arguments, environment: environment, in: directory)
        let stdin = input.map { _ in Pipe() }
        capture.process.standardInput = stdin ?? FileHandle.nullDevice
        try capture.process.run()
        if let stdin, let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        capture.process.waitUntilExit()
        return capture.output(exitCode: capture.process.terminationStatus)
    }

    /// `run`, waiting without holding a thread: for tests whose server under test answers on Swift's
    /// cooperative pool while the program (a harvester, a validator fetching URLs) talks to it.
    public static func runAsync(
        _ executable: URL, _ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil
    ) async throws -> ProcessOutput {
        let capture = try Capture(executable, arguments, environment: environment, in: directory)
        capture.process.standardInput = FileHandle.nullDevice
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            capture.process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try capture.process.run() } catch { continuation.resume(throwing: error) }
        }
        return capture.output(exitCode: status)
    }

    /// A process set up to run, its standard output and error going to files of their own.
    private final class Capture {
        let process = Process()
        private let out: URL
        private let err: URL
        private let outHandle: FileHandle
        private let errHandle: FileHandle

        init(_ executable: URL, _ arguments: [String], environment: [String: String], in directory: URL?) throws {
            process.executableURL = executable
            process.arguments = arguments
            var env = ProcessInfo.processInfo.environment
            env["OMP_THREAD_LIMIT"] = "1"
            for (key, value) in environment { env[key] = value }
            process.environment = env
            if let directory { process.currentDirectoryURL = directory }
            let id = UUID().uuidString
            out = FileManager.default.temporaryDirectory.appendingPathComponent("sohoa-out-\(id)")
            err = FileManager.default.temporaryDirectory.appendingPathComponent("sohoa-err-\(id)")
            _ = FileManager.default.createFile(atPath: out.path, contents: nil)
            _ = FileManager.default.createFile(atPath: err.path, contents: nil)
            outHandle = try FileHandle(forWritingTo: out)
            errHandle = try FileHandle(forWritingTo: err)
            process.standardOutput = outHandle
            process.standardError = errHandle
        }

        /// What the finished process printed.
        func output(exitCode: Int32) -> ProcessOutput {
            try? outHandle.close()
            try? errHandle.close()
            return ProcessOutput(
                exitCode: exitCode,
                stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
        }

        deinit {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
    }
}
