import Foundation
import XCTest

/// The third-party validators in `../shared/checks` (relative to the package root).
enum OAISharedChecks {
    /// The wrapper `name`, or XCTSkip when `../shared/checks` is absent.
    static func tool(_ name: String) throws -> URL {
        let url = URL(fileURLWithPath: #filePath)  // Tests/SohoaSharingTests/OAISharedChecks.swift
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("../shared/checks/\(name)").standardizedFileURL
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw XCTSkip("\(url.path) not found: clone the shared checks next to the package (../shared/checks) and run its setup.sh")
        }
        return url
    }

    /// The environment for a wrapper: the wrappers look for their Python environment beside
    /// themselves when that folder is writable (always, for root), else in ~/.cache/shared-checks;
    /// point them at the latter when only it exists.
    static func environment(for tool: URL) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        let cached = URL(fileURLWithPath: environment["XDG_CACHE_HOME"] ?? NSHomeDirectory() + "/.cache")
            .appendingPathComponent("shared-checks/.venv")
        let beside = tool.deletingLastPathComponent().appendingPathComponent(".venv/bin/python")
        if environment["CHECKS_VENV"] == nil, !FileManager.default.fileExists(atPath: beside.path),
            FileManager.default.fileExists(atPath: cached.appendingPathComponent("bin/python").path)
        {
            environment["CHECKS_VENV"] = cached.path
        }
        return environment
    }

    /// Runs a wrapper to its end; (exit status, stderr + stdout). XCTSkip when its tools are missing (exit 2).
    static func run(_ name: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = try tool(name)
        process.arguments = arguments
        process.environment = environment(for: try tool(name))
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 2 { throw XCTSkip("\(name) cannot run: \(text); run ../shared/checks/setup.sh") }
        print("[\(name)] \(text.split(separator: "\n").last ?? "")")
        return (process.terminationStatus, text)
    }
}
