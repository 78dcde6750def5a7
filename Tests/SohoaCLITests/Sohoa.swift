import Foundation
import XCTest

/// Runs the built `sohoa` binary as a user would, and captures what it prints.
enum Sohoa {
    struct Result {
        var exitCode: Int32
        var stdout: String
        var stderr: String

        /// The JSON objects `sohoa run` printed, one per line (non-terminal output).
        var jsonLines: [[String: Any]] {
            stdout.split(separator: "\n").compactMap {
                (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
            }
        }

        /// The final `summary` line of `sohoa run`.
        var summary: [String: Any]? { jsonLines.last { $0["event"] as? String == "summary" } }
    }

    /// The package's root folder.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `sohoa` executable next to the test bundle.
    static var binary: URL {
        let products =
            Bundle.main.bundleURL.lastPathComponent.hasSuffix(".xctest")
            ? Bundle.main.bundleURL.deletingLastPathComponent() : Bundle.main.bundleURL
        let candidates =
            [products.appendingPathComponent("sohoa")]
            + Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent().appendingPathComponent("sohoa") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// Runs `sohoa` with `arguments`; `environment` adds to this process's environment.
    @discardableResult
    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil) throws -> Result {
        try Tool.run(binary, arguments, environment: environment, in: directory ?? packageRoot)
    }
}

/// Runs any program and captures its output (validators, `pdftotext`).
enum Tool {
    static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil
    ) throws -> Sohoa.Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["OMP_THREAD_LIMIT"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("sohoa-out-\(UUID().uuidString)")
        let err = FileManager.default.temporaryDirectory.appendingPathComponent("sohoa-err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Sohoa.Result(
            exitCode: process.terminationStatus,
            stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }
}

/// `../shared` beside the clone: real scans and third-party validators. Absent on a user's fresh
/// clone, where tests that need it skip with this message.
enum Shared {
    static let folder = Sohoa.packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    static func scans() throws -> URL {
        let url = folder.appendingPathComponent("scans")
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw XCTSkip("../shared/scans is not beside this clone (\(url.path)); these tests need its real scans")
        }
        return url
    }

    /// A validator from `../shared/checks`, set up by `../shared/checks/setup.sh`.
    static func check(_ name: String) throws -> URL {
        let url = folder.appendingPathComponent("checks/\(name)")
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw XCTSkip("../shared/checks/\(name) is not available (\(url.path)); run ../shared/checks/setup.sh")
        }
        return url
    }

    /// Runs a validator and fails the test with its output unless it exits 0.
    static func assertValid(_ name: String, _ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try Tool.run(try check(name), arguments)
        XCTAssertEqual(
            result.exitCode, 0, "\(name) \(arguments.joined(separator: " ")):\n\(result.stdout)\n\(result.stderr)", file: file, line: line)
    }
}

/// A fresh temporary folder.
func temporaryFolder(_ label: String = "sohoa") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Every file under `folder` whose name ends with `suffix`.
func files(under folder: URL, endingWith suffix: String) -> [URL] {
    guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
    return walker.compactMap { $0 as? URL }.filter { $0.lastPathComponent.hasSuffix(suffix) }.sorted { $0.path < $1.path }
}

/// Copies of `files` at paths without `%`: the shared `validate-xml` (xmlschema step) reads a path
/// as a URL and decodes `%3a`, which every OCFL 0003 object folder contains. The copies are
/// byte-identical, so what is validated is what is archived.
func percentFreeCopies(of files: [URL]) throws -> [URL] {
    let folder = try temporaryFolder("sohoa-xml")
    return try files.enumerated().map { index, file in
        let copy = folder.appendingPathComponent("\(index)-\(file.lastPathComponent)")
        try FileManager.default.copyItem(at: file, to: copy)
        return copy
    }
}
