import Foundation

/// This process's scratch folder for the files the readers are given (the readers take paths, not bytes).
enum ScratchFolder {
    /// A folder of its own under the system's temporary folder, made once.
    static let url: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sohoa-fuzz-\(getpid())", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// Writes `data` to `name` in the scratch folder and returns its URL.
    static func file(_ name: String, _ data: Data) -> URL {
        let url = self.url.appendingPathComponent(name)
        try? data.write(to: url)
        return url
    }
}
