import Foundation

/// A folder under the system temporary folder, removed when the value is released.
final class TemporaryFolder {
    let url: URL

    /// `<folder>/archive`: a storage root location that test sources written with `file` do not clutter.
    var archive: URL { url.appendingPathComponent("archive", isDirectory: true) }

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("sohoa-archive-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `text` to `name` inside the folder and returns its URL.
    func file(_ name: String, _ text: String) throws -> URL {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
