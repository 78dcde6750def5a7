import Crypto
import Foundation
import SohoaArchive

/// A batch folder packed for sending: a BagIt bag of it, as one deterministic tar, kept in a state
/// folder of its own (`$XDG_CACHE_HOME/sohoa/submissions/<key>/`, `~/.cache/…`), so a command run
/// again finds it and resumes instead of packing again. The key is the SHA-256 of the batch's path
/// and its files' names, sizes and times: a changed batch is packed anew.
public struct SubmissionPackage: Sendable, Codable, Equatable {
    /// The batch folder's name (sent as the submission's name).
    public var name: String
    /// The tar.
    public var tar: URL
    public var size: Int64
    /// SHA-256 of the tar.
    public var sha256: String

    static let tarName = "submission.tar"
    static let recordName = "submission.json"

    /// The folder that keeps packed submissions.
    public static func cacheFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let base =
            environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".cache")
        return base.appendingPathComponent("sohoa").appendingPathComponent("submissions")
    }

    /// The package of `batch` made earlier in `cache`, or a new one. `info` goes into `bag-info.txt`.
    public static func pack(_ batch: URL, cache: URL, info: [BagInfoEntry] = []) throws(TarError) -> SubmissionPackage {
        let files = try TarWriter.regularFiles(under: batch)
        let state = cache.appendingPathComponent(key(batch: batch, files: files))
        let record = state.appendingPathComponent(recordName)
        if let data = try? Data(contentsOf: record), let found = try? JSONDecoder().decode(SubmissionPackage.self, from: data),
            let size = (try? FileManager.default.attributesOfItem(atPath: found.tar.path))?[.size] as? NSNumber,
            size.int64Value == found.size
        {
            return found
        }
        do {
            try? FileManager.default.removeItem(at: state)
            try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
            let bag = state.appendingPathComponent("bag")
            var payload: [String: URL] = [:]
            for (path, url) in files where !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                payload[path] = url
            }
            let name = batch.standardizedFileURL.lastPathComponent.precomposedStringWithCanonicalMapping
            try BagWriter.write(
                payload: payload, info: [BagInfoEntry("External-Identifier", name), BagInfoEntry("Bag-Software-Agent", "sohoa")] + info,
                to: bag)
            let tar = state.appendingPathComponent(tarName)
            let size = try TarWriter.write(folder: bag, to: tar)
            try FileManager.default.removeItem(at: bag)
            let package = SubmissionPackage(name: name, tar: tar, size: size, sha256: try FileHasher.hex(SHA256.self, of: tar))
            try JSONEncoder().encode(package).write(to: record, options: .atomic)
            return package
        } catch let error as TarError {
            throw error
        } catch {
            throw TarError(problems: ["the batch cannot be packed in \(state.path): \(error)"])
        }
    }

    /// Removes the package's state folder (once the server holds it verified).
    public func remove() {
        try? FileManager.default.removeItem(at: tar.deletingLastPathComponent())
    }

    /// The state folder's name for a batch with these files.
    static func key(batch: URL, files: [(String, URL)]) -> String {
        var hash = SHA256()
        hash.update(data: Data(batch.standardizedFileURL.path.utf8))
        for (path, url) in files {
            let attributes = (try? FileManager.default.attributesOfItem(atPath: url.path)) ?? [:]
            let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
            let time = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            hash.update(data: Data("\n\(path)\t\(size)\t\(time)".utf8))
        }
        return hash.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
