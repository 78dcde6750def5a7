import Foundation
import XCTest

/// A folder under the system temporary folder, removed when the value is released.
public final class TemporaryFolder {
    public let url: URL

    /// `<folder>/archive`: a storage root location that files written with `file` do not clutter.
    public var archive: URL { url.appendingPathComponent("archive", isDirectory: true) }

    public init(_ label: String = "sohoa-test") throws {
        url = try temporaryFolder(label)
    }

    /// Writes `text` to `name` inside the folder and returns its URL.
    public func file(_ name: String, _ text: String) throws -> URL {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// A fresh folder under the system temporary folder, named `<label>-<UUID>`. It stays after the test
/// (end-to-end tests leave their archives to look at when they fail); `TemporaryFolder` removes itself.
public func temporaryFolder(_ label: String = "sohoa-test") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A fresh folder under the system temporary folder, named `<label>-<UUID>`, removed when `test` ends.
public func temporaryFolder(_ label: String = "sohoa-test", removedAfter test: XCTestCase) throws -> URL {
    let url = try temporaryFolder(label)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
}

/// Every file under `folder` whose name ends with one of `suffixes`, sorted by path.
public func files(under folder: URL, endingWith suffixes: String...) -> [URL] {
    guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
    return walker.compactMap { $0 as? URL }.filter { url in suffixes.contains { url.lastPathComponent.hasSuffix($0) } }
        .sorted { $0.path < $1.path }
}
