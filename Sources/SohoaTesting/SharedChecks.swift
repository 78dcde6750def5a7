import Foundation
import XCTest

/// Runs the third-party validators in `../shared/checks` (validate-ocfl, validate-xml, validate-bag,
/// validate-hocr, validate-pdf, oai-harvest...). A missing validator, or one that cannot run (exit 2:
/// its Python environment is not set up), makes the test skip with a message saying what to do.
public enum SharedChecks {
    /// `../shared/checks`.
    public static var folder: URL { SharedFolder.url.appendingPathComponent("checks") }

    /// The wrapper `name`, or XCTSkip when the checks folder is missing.
    public static func tool(_ name: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw XCTSkip("\(url.path) not found: clone the shared checks next to the package (../shared/checks) and run its setup.sh")
        }
        return url
    }

    /// Runs validator `name` on `arguments`; its summary is printed so the test log shows what was checked.
    @discardableResult
    public static func run(_ name: String, _ arguments: [String]) throws -> ProcessOutput {
        try reported(name, try ProcessRunner.run(try tool(name), arguments, environment: environment))
    }

    /// `run`, waiting without holding a thread (the server under test answers the validator meanwhile).
    @discardableResult
    public static func runAsync(_ name: String, _ arguments: [String]) async throws -> ProcessOutput {
        try reported(name, try await ProcessRunner.runAsync(try tool(name), arguments, environment: environment))
    }

    /// The wrappers look for their Python environment beside themselves when that folder is writable
    /// (always, for root), else in ~/.cache/shared-checks: point them at the latter when only it exists.
    static var environment: [String: String] {
        let current = ProcessInfo.processInfo.environment
        let cached = URL(fileURLWithPath: current["XDG_CACHE_HOME"] ?? NSHomeDirectory() + "/.cache")
            .appendingPathComponent("shared-checks/.venv")
        let beside = folder.appendingPathComponent(".venv/bin/python")
        guard current["CHECKS_VENV"] == nil, !FileManager.default.fileExists(atPath: beside.path),
            FileManager.default.fileExists(atPath: cached.appendingPathComponent("bin/python").path)
        else { return [:] }
        return ["CHECKS_VENV": cached.path]
    }

    /// Skips when the validator could not run (exit 2), and prints its summary.
    private static func reported(_ name: String, _ run: ProcessOutput) throws -> ProcessOutput {
        if run.exitCode == 2 {
            throw XCTSkip("\(name) cannot run (\(run.summary)); run ../shared/checks/setup.sh")
        }
        print("[\(name)] \(run.summary)")
        return run
    }

    /// Asserts that validator `name` accepts `arguments` (exit 0).
    public static func assertValid(_ name: String, _ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let run = try run(name, arguments)
        XCTAssertEqual(
            run.exitCode, 0, "\(name) \(arguments.joined(separator: " ")):\n\(run.stdout)\n\(run.stderr)", file: file, line: line)
    }

    /// Asserts that `validate-xml` accepts `xml` (written to a temporary file named `name`).
    public static func assertValidXML(_ xml: String, name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let folder = try TemporaryFolder("sohoa-xml")
        let url = folder.url.appendingPathComponent(name)
        try Data(xml.utf8).write(to: url)
        try assertValidXML([url], file: file, line: line)
    }

    /// Asserts that `validate-xml` accepts every file of `files` (checked as `percentFreeCopies`).
    public static func assertValidXML(_ files: [URL], file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertFalse(files.isEmpty, "no XML files to validate", file: file, line: line)
        try assertValid("validate-xml", try percentFreeCopies(of: files).map(\.path), file: file, line: line)
    }

    /// Byte-identical copies of `files` at paths without `%`, for the validators that cannot open
    /// such paths: validate-xml's xmlschema engine turns a path into a `file:` URL without escaping
    /// it, so a `%xx` is decoded and the file is not found. Object folders of the
    /// 0003-hash-and-id-n-tuple-storage-layout always contain `%xx` (the percent-encoded id). What is
    /// validated is what is archived.
    public static func percentFreeCopies(of files: [URL]) throws -> [URL] {
        let folder = try temporaryFolder("sohoa-xml")
        return try files.enumerated().map { index, source in
            let copy = folder.appendingPathComponent("\(index)-\(source.lastPathComponent.replacingOccurrences(of: "%", with: "_"))")
            try FileManager.default.copyItem(at: source, to: copy)
            return copy
        }
    }

    /// Asserts that `validate-ocfl` accepts the storage root, as written, with `objects` objects in it:
    /// VALID under the 0003-hash-and-id-n-tuple-storage-layout, every object valid, digests checked.
    public static func assertValidOCFLRoot(_ root: URL, objects: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        let run = try run("validate-ocfl", [root.path])
        XCTAssertEqual(run.exitCode, 0, "validate-ocfl: \(run.summary)\n\(run.stderr)", file: file, line: line)
        for expected in [
            "validate-ocfl: VALID ", "layout 0003-hash-and-id-n-tuple-storage-layout", "\(objects)/\(objects) objects valid",
            "digests checked",
        ] {
            XCTAssertTrue(run.summary.contains(expected), "'\(expected)' missing from: \(run.summary)", file: file, line: line)
        }
    }
}
