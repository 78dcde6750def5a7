import Foundation
import SohoaArchive

/// The review drafts of an archive: one JSON file per page in `extensions/sohoa-work/review-drafts/`,
/// written durably at each save. A lock file there serializes every draft change and every archive
/// write of corrections across processes (`sohoa serve`, `sohoa correct`), so no correction is
/// based on an older version than the one it lands on.
public struct ReviewDrafts: Sendable {
    /// The drafts folder.
    public let folder: URL

    /// The drafts of the archive at `archive`.
    public init(archive: URL) {
        folder = archive.appendingPathComponent("extensions/sohoa-work/review-drafts", isDirectory: true)
    }

    /// Runs `body` holding the drafts lock (waiting for another process or thread to finish).
    public func locked<T>(_ body: () throws -> T) throws -> T {
        try DurableFiles.makeFolder(folder)
        let lock = try FileLock.acquire(folder.appendingPathComponent("lock"))
        defer { lock.unlock() }
        return try body()
    }

    /// The draft of page `pageID`, if there is one.
    public func draft(pageID: Int64) throws -> ReviewDraft? {
        let url = fileURL(pageID)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            return try Self.decoder.decode(ReviewDraft.self, from: Data(contentsOf: url))
        } catch {
            throw RunError(.archive, "the review draft \(url.path) cannot be read (\(error)); move it aside and save the page again")
        }
    }

    /// Every draft, oldest save first.
    public func all() throws -> [ReviewDraft] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let ids = names.compactMap { name -> Int64? in
            guard name.hasSuffix(".json"), !name.hasPrefix(".") else { return nil }
            return Int64(name.dropLast(5))
        }
        return try ids.compactMap { try draft(pageID: $0) }.sorted { $0.lastSavedAt < $1.lastSavedAt }
    }

    /// Writes (or replaces) a draft; it is on disk when this returns.
    func save(_ draft: ReviewDraft) throws {
        try DurableFiles.makeFolder(folder)
        try DurableFiles.replace(fileURL(draft.pageID), with: try Self.encoder.encode(draft))
    }

    /// Removes the draft of a page.
    func remove(pageID: Int64) throws {
        try DurableFiles.remove(fileURL(pageID))
    }

    private func fileURL(_ pageID: Int64) -> URL {
        folder.appendingPathComponent("\(pageID).json")
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        encoder.dateEncodingStrategy = .millisecondsSince1970
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        return decoder
    }()
}
