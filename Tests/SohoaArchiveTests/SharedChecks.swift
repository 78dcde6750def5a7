import Foundation
import XCTest

/// Runs the third-party validators in `../shared/checks` (relative to the package root).
enum SharedChecks {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        /// The validator's one-line summary (its last line of output).
        var summary: String {
            stdout.split(separator: "\n").last.map(String.init) ?? ""
        }
    }

    static var folder: URL {
        URL(fileURLWithPath: #filePath)  // Tests/SohoaArchiveTests/SharedChecks.swift
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("../shared/checks").standardizedFileURL
    }

    /// The wrapper `name`, or XCTSkip when the checks folder or its Python environment is missing.
    static func tool(_ name: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw XCTSkip("\(url.path) not found: clone the shared checks next to the package (../shared/checks) and run its setup.sh")
        }
        return url
    }

    static func run(_ name: String, _ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = try tool(name)
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let run = Run(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
        if run.status == 2 {
            throw XCTSkip("\(name) cannot run (\(run.summary)); run ../shared/checks/setup.sh")
        }
        print("[\(name)] \(run.summary)")
        return run
    }

    /// Asserts that `validate-xml` accepts `xml` (written to a temporary file).
    static func assertValidXML(_ xml: String, name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent(name)
        try Data(xml.utf8).write(to: url)
        try assertValidXML(url, file: file, line: line)
    }

    /// Asserts that `validate-xml` accepts the file at `url`.
    ///
    /// validate-xml's xmlschema engine turns the path into a `file:` URL without escaping it, so a `%xx`
    /// in the path is decoded and the file is not found (a crash, exit 1, no summary). Object folders of
    /// the 0003-hash-and-id-n-tuple-storage-layout always contain `%xx` (the percent-encoded id), so a
    /// file under such a path is validated as a byte-identical copy in a temporary folder.
    static func assertValidXML(_ url: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        let copyFolder = url.path.contains("%") ? try TemporaryFolder() : nil
        var checked = url
        if let copyFolder {
            checked = copyFolder.url.appendingPathComponent(url.lastPathComponent.replacingOccurrences(of: "%", with: "_"))
            try FileManager.default.copyItem(at: url, to: checked)
        }
        defer { withExtendedLifetime(copyFolder) {} }  // the copy is removed when the folder is released
        let run = try run("validate-xml", [checked.path])
        XCTAssertEqual(run.status, 0, "validate-xml: \(run.summary)\n\(run.stderr)", file: file, line: line)
    }

    /// Asserts that `validate-ocfl` accepts the storage root, as written, with `objects` objects in it:
    /// VALID under the 0003-hash-and-id-n-tuple-storage-layout, every object valid, digests checked.
    static func assertValidOCFLRoot(_ root: URL, objects: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        let run = try run("validate-ocfl", [root.path])
        XCTAssertEqual(run.status, 0, "validate-ocfl: \(run.summary)\n\(run.stderr)", file: file, line: line)
        for expected in [
            "validate-ocfl: VALID ", "layout 0003-hash-and-id-n-tuple-storage-layout", "\(objects)/\(objects) objects valid",
            "digests checked",
        ] {
            XCTAssertTrue(run.summary.contains(expected), "'\(expected)' missing from: \(run.summary)", file: file, line: line)
        }
    }
}
