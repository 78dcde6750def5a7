import Foundation
import XCTest

/// The third-party validators in `../shared/checks` (package root found from this file), for the
/// archive tests of this target. Missing checks make the test skip with a message saying so.
enum ArchiveValidators {
    static let checks = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/checks")

    struct Run {
        var status: Int32
        var output: String
        var summary: String
    }

    /// Runs a validator; its one-line summary is printed so the test log shows what was checked.
    @discardableResult
    static func run(_ name: String, _ arguments: [String]) throws -> Run {
        let tool = checks.appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: tool.path) else {
            throw XCTSkip("\(tool.path) is not available: clone ../shared beside the package and run ../shared/checks/setup.sh")
        }
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("sohoa-check-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        let summary = output.split(separator: "\n").last { $0.hasPrefix("\(name):") }.map(String.init) ?? ""
        if process.terminationStatus == 2 { throw XCTSkip("\(name) cannot run (\(summary)); run ../shared/checks/setup.sh") }
        print("[\(name)] \(summary)")
        return Run(status: process.terminationStatus, output: output, summary: summary)
    }

    /// Asserts the validator accepts the arguments.
    static func assertValid(_ name: String, _ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let run = try run(name, arguments)
        XCTAssertEqual(run.status, 0, "\(name): \(run.output)", file: file, line: line)
    }

    /// `validate-xml` on byte-identical copies of `files` at paths without `%` (the shared validator
    /// cannot open paths holding `%xx`, which every 0003-layout object folder has).
    static func assertValidXML(_ files: [URL], file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertFalse(files.isEmpty, "no XML files to validate", file: file, line: line)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sohoa-xml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let copies = try files.enumerated().map { index, source in
            let copy = folder.appendingPathComponent("\(index)-\(source.lastPathComponent.replacingOccurrences(of: "%", with: "_"))")
            try FileManager.default.copyItem(at: source, to: copy)
            return copy.path
        }
        try assertValid("validate-xml", copies, file: file, line: line)
    }

    /// Files under `folder` whose names end with one of `suffixes`, sorted.
    static func files(under folder: URL, endingWith suffixes: [String]) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { url in suffixes.contains { url.lastPathComponent.hasSuffix($0) } }
            .sorted { $0.path < $1.path }
    }
}
