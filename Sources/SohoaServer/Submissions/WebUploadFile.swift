import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One file of a web upload being written: created new inside the upload's folder (never
/// following a link, never replacing a file sent before, except `items.csv` given in its own
/// field), filled as the body arrives in writes of up to 1 MiB, made durable and closed by
/// `finish()` (closed without that by `close()` or `deinit`). The folders whose entries it changed
/// are in `changedFolders`; the receiver makes them durable once the whole upload is there.
final class WebUploadFile {
    /// The file system refused a call (`errno`): the disk, not the file's name.
    struct Failure: Error, CustomStringConvertible {
        var code: Int32
        var description: String { "error \(code)\(code == ENOSPC ? ", no space left" : "")" }
    }

    private var fd: Int32
    private var pending: [UInt8] = []
    private static let flushSize = 1 << 20
    /// The folders a new name was made in: the file's, and the parents of the folders made for it.
    let changedFolders: [String]

    /// Creates `segments` under `folder` and its folders. Throws an `UploadProblem` when the name
    /// cannot be taken (sent twice, a file where a folder is), a `Failure` when the disk refused.
    init(folder: URL, segments: [String], replacing: Bool = false) throws {
        var parent = folder
        var changed: [String] = []
        for segment in segments.dropLast() {
            let above = parent.path
            parent.appendPathComponent(segment, isDirectory: true)
            if mkdir(parent.path, 0o750) == 0 {
                changed.append(above)
            } else {
                let code = errno
                if code != EEXIST { throw Failure(code: code) }
            }
            // Only this upload writes here, and it makes no links: a folder, or a file sent before.
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: parent.path, isDirectory: &isFolder), isFolder.boolValue else {
                throw UploadProblem(vi: "trùng tên với một tệp đã gửi", en: "a file sent before has the name of its folder")
            }
        }
        guard let last = segments.last else { throw UploadProblem(vi: "tên tệp trống", en: "the file name is empty") }
        let file = parent.appendingPathComponent(last)
        // Belt and braces: the path stays inside the folder whatever the segments were.
        guard file.standardizedFileURL.path.hasPrefix(folder.standardizedFileURL.path + "/") else {
            throw UploadProblem(vi: "nằm ngoài thư mục của lô", en: "it is outside the batch's folder")
        }
        let flags = O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC | (replacing ? O_TRUNC : O_EXCL)
        fd = open(file.path, flags, 0o640)
        guard fd >= 0 else {
            let code = errno
            if code == EEXIST || code == EISDIR {
                throw UploadProblem(vi: "đã gửi hai lần, hoặc trùng tên với một thư mục", en: "sent twice, or it has a folder's name")
            }
            throw Failure(code: code)
        }
        changedFolders = changed + [parent.path]
    }

    /// Appends `bytes`.
    func write(_ bytes: UnsafeRawBufferPointer) throws(Failure) {
        pending.append(contentsOf: bytes)
        if pending.count >= Self.flushSize { try flush() }
    }

    /// Writes what is pending, makes the file durable (`fsync`) and closes it.
    func finish() throws(Failure) {
        try flush()
        if fd >= 0, fsync(fd) != 0 {
            let code = errno
            close()
            throw Failure(code: code)
        }
        close()
    }

    /// Closes the file (what is pending is dropped).
    func close() {
        if fd >= 0 { _ = Glibc.close(fd) }
        fd = -1
    }

    private func flush() throws(Failure) {
        guard fd >= 0, !pending.isEmpty else { return }
        if let code = pending.withUnsafeBytes({ FileDescriptorWriter.writeAll(fd, $0) }) { throw Failure(code: code) }
        pending.removeAll(keepingCapacity: true)
    }

    deinit { close() }
}
