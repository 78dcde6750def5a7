import Foundation

/// One of poppler's command-line programs (`pdfinfo`, `pdfimages`, `pdftoppm`, `pdftotext`, Debian's
/// `poppler-utils`) run on a PDF in a process of its own, with a time limit.
///
/// PDFs come from outside and PDF readers are large: a PDF that crashes or hangs poppler then costs
/// that page, never the batch (the process is killed after `timeout` seconds).
struct PopplerTool {
    /// The program's name, looked up in /usr/bin then /usr/local/bin.
    let name: String
    /// Seconds before the program is killed.
    var timeout: TimeInterval = 120

    /// What the program wrote, and how it ended.
    struct Output {
        var status: Int32
        var stdout: Data
        var stderr: String
        /// poppler's first error lines, for messages.
        var said: String {
            let lines = stderr.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return lines.prefix(2).joined(separator: "; ")
        }
    }

    /// Runs the program on `arguments` for the PDF `file` (named in errors).
    func run(_ arguments: [String], file: String) throws(ImagingError) -> Output {
        guard let executable = ["/usr/bin/", "/usr/local/bin/"].map({ $0 + name }).first(where: FileManager.default.isExecutableFile)
        else {
            throw ImagingError(
                file: file, kind: .unreadable,
                reason: "reading PDF scans needs poppler's \(name), which is not installed; run scripts/install-deps.sh "
                    + "(Debian package poppler-utils)")
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("sohoa-poppler-\(UUID().uuidString)")
        let outURL = scratch.appendingPathExtension("out"), errURL = scratch.appendingPathExtension("err")
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            guard FileManager.default.createFile(atPath: outURL.path, contents: nil),
                FileManager.default.createFile(atPath: errURL.path, contents: nil)
            else { throw CocoaError(.fileWriteUnknown) }
            let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
            defer {
                try? out.close()
                try? err.close()
            }
            process.standardOutput = out
            process.standardError = err
            try process.run()
        } catch {
            throw ImagingError(
                file: file, kind: .unreadable, reason: "poppler's \(name) could not be started (\(error.localizedDescription))")
        }
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            if finished.wait(timeout: .now() + 5) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                finished.wait()
            }
            throw ImagingError(
                file: file, kind: .corrupt,
                reason: "poppler's \(name) took more than \(Int(timeout)) s on this PDF and was stopped; the PDF is damaged "
                    + "or far too complex: export its pages as TIFF")
        }
        let stdout = (try? Data(contentsOf: outURL)) ?? Data()
        let stderr = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        return Output(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }
}
