import Crypto
import Foundation
import SohoaArchive
import SohoaSharing
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The server's inbox: one folder per submission (`<inbox>/<id>/`) holding the upload as it arrives
/// (`upload.tar` from `sohoa submit`, or the files of a web upload in `files/`) and then its bag
/// (`bag/`: the tar unpacked, or the web upload's files bagged). Nothing is written anywhere else; a
/// submission's folder is removed once it is archived, refused or abandoned.
final class SubmissionInbox: Sendable {
    let folder: URL
    /// Submissions a request is writing to now (one writer each).
    private let writing = Mutex<Set<Int64>>([])

    init(folder: URL) {
        self.folder = folder.standardizedFileURL
    }

    func submissionFolder(_ id: Int64) -> URL { folder.appendingPathComponent(String(id), isDirectory: true) }
    func upload(_ id: Int64) -> URL { submissionFolder(id).appendingPathComponent("upload.tar") }
    func bag(_ id: Int64) -> URL { submissionFolder(id).appendingPathComponent("bag", isDirectory: true) }
    /// The batch folder of a web upload, as the browser sent it.
    func files(_ id: Int64) -> URL { submissionFolder(id).appendingPathComponent("files", isDirectory: true) }

    /// Whether submission `id` came from the web upload form (its files are there, not a tar).
    func isWebUpload(_ id: Int64) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: files(id).path, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// The ids of the submission folders in the inbox.
    func submissionIDs() -> [Int64] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).compactMap { Int64($0) }.sorted()
    }

    /// Bytes free for the inbox's disk, or nil when it cannot be told.
    func freeBytes() -> Int64? {
        var probe = folder
        while !FileManager.default.fileExists(atPath: probe.path), probe.path != "/" { probe.deleteLastPathComponent() }
        var info = statvfs()
        guard statvfs(probe.path, &info) == 0 else { return nil }
        return Int64(info.f_bavail) * Int64(info.f_frsize)
    }

    /// Runs `body` as the only writer of submission `id`; nil when another request is writing it.
    func exclusively<T>(_ id: Int64, _ body: () throws -> T) rethrows -> T? {
        guard writing.withLock({ $0.insert(id).inserted }) else { return nil }
        defer { _ = writing.withLock { $0.remove(id) } }
        return try body()
    }

    /// Writes `chunk` at `offset` of the upload (cutting off whatever a dropped request left beyond
    /// it) and makes it durable.
    func write(_ chunk: Data, at offset: Int64, id: Int64) throws(SubmissionInboxError) {
        let file = upload(id)
        do {
            try FileManager.default.createDirectory(at: submissionFolder(id), withIntermediateDirectories: true)
        } catch {
            throw SubmissionInboxError("the inbox folder \(submissionFolder(id).path) cannot be made: \(error.localizedDescription)")
        }
        let fd = open(file.path, O_WRONLY | O_CREAT, 0o600)
        guard fd >= 0 else { throw SubmissionInboxError("\(file.path) cannot be opened (error \(errno))") }
        defer { close(fd) }
        guard ftruncate(fd, off_t(offset)) == 0, lseek(fd, off_t(offset), SEEK_SET) == off_t(offset) else {
            throw SubmissionInboxError("\(file.path) cannot be prepared at \(offset) (error \(errno))")
        }
        var failed = chunk.withUnsafeBytes { FileDescriptorWriter.writeAll(fd, $0) }
        if failed == nil, fsync(fd) != 0 { failed = errno }
        if let failed {
            _ = ftruncate(fd, off_t(offset))
            throw SubmissionInboxError("\(file.path): the chunk at \(offset) cannot be written (error \(failed)); is the disk full?")
        }
    }

    /// Checks the whole upload's SHA-256, unpacks it into `bag/` and removes the tar. Throws the problems.
    func unpack(_ id: Int64, sha256 expected: String) throws(SubmissionInboxError) -> URL {
        let file = upload(id)
        let bag = bag(id)
        try? FileManager.default.removeItem(at: bag)
        let actual: String
        do {
            actual = try FileHasher.hex(SHA256.self, of: file)
        } catch {
            throw SubmissionInboxError("the upload cannot be read: \(error)")
        }
        guard actual == expected else {
            throw SubmissionInboxError(
                "the upload's SHA-256 is \(actual), the sender announced \(expected): it was damaged on the way; send it again")
        }
        do {
            try TarExtractor.extract(file, into: bag)
        } catch {
            throw SubmissionInboxError(problems: error.problems)
        }
        try? FileManager.default.removeItem(at: file)
        return bag
    }

    /// Makes the bag of a web upload's files (SHA-512 manifest, `External-Identifier` = `name`) and
    /// removes the files. Throws the problems.
    func bagWebUpload(_ id: Int64, name: String) throws(SubmissionInboxError) -> URL {
        let files = files(id).standardizedFileURL
        let bag = bag(id)
        var payload: [String: URL] = [:]
        let base = files.path
        let walker = FileManager.default.enumerator(atPath: base)
        while let relative = walker?.nextObject() as? String {
            let url = files.appendingPathComponent(relative)
            let type = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType
            if type == .typeRegular { payload[relative.precomposedStringWithCanonicalMapping] = url }
        }
        guard !payload.isEmpty else { throw SubmissionInboxError("the web upload holds no files") }
        do {
            try? FileManager.default.removeItem(at: bag)
            try BagWriter.write(
                payload: payload,
                info: [BagInfoEntry("External-Identifier", name), BagInfoEntry("Bag-Software-Agent", "sohoa serve (web upload)")], to: bag)
        } catch {
            throw SubmissionInboxError("the web upload's files cannot be bagged: \(error)")
        }
        try? FileManager.default.removeItem(at: files)
        return bag
    }

    /// Removes everything of submission `id` from the inbox.
    func remove(_ id: Int64) {
        try? FileManager.default.removeItem(at: submissionFolder(id))
    }
}

/// The inbox cannot take or unpack an upload; every problem is named.
struct SubmissionInboxError: Error, Sendable, CustomStringConvertible {
    var problems: [String]

    init(_ problem: String) { problems = [problem] }
    init(problems: [String]) { self.problems = problems }

    var description: String { problems.joined(separator: "; ") }
}
