import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One file of a web upload being written: created new inside the upload's folder (never
/// following a link, never replacing a file sent before, except `items.csv` given in its own
/// field), filled as the body arrives in writes of up to 1 MiB, closed by `finish()` or `deinit`.
final class WebUploadFile {
    /// A name the folder cannot take (sent twice, or a file where a folder is); in both languages.
    struct Refusal: Error {
        var vi: String
        var en: String
    }

    /// The file system refused a write (`errno`).
    struct Failure: Error, CustomStringConvertible {
        var code: Int32
        var description: String { "error \(code)\(code == ENOSPC ? ", no space left" : "")" }
    }

    private var fd: Int32
    private var pending: [UInt8] = []
    private static let flushSize = 1 << 20

    /// Creates `segments` under `folder` and its folders.
    init(folder: URL, segments: [String], replacing: Bool = false) throws {
        var parent = folder
        for segment in segments.dropLast() {
            parent.appendPathComponent(segment, isDirectory: true)
            if mkdir(parent.path, 0o750) != 0, errno != EEXIST {
                throw Refusal(vi: "không tạo được thư mục (lỗi \(errno))", en: "its folder cannot be made (error \(errno))")
            }
            // Only this upload writes here, and it makes no links: a folder, or a file sent before.
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: parent.path, isDirectory: &isFolder), isFolder.boolValue else {
                throw Refusal(vi: "trùng tên với một tệp đã gửi", en: "a file sent before has the name of its folder")
            }
        }
        guard let last = segments.last else { throw Refusal(vi: "tên tệp trống", en: "the file name is empty") }
        let file = parent.appendingPathComponent(last)
        // Belt and braces: the path stays inside the folder whatever the segments were.
        guard file.standardizedFileURL.path.hasPrefix(folder.standardizedFileURL.path + "/") else {
            throw Refusal(vi: "nằm ngoài thư mục của lô", en: "it is outside the batch's folder")
        }
        let flags = O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC | (replacing ? O_TRUNC : O_EXCL)
        fd = open(file.path, flags, 0o640)
        guard fd >= 0 else {
            if errno == EEXIST || errno == EISDIR {
                throw Refusal(vi: "đã gửi hai lần, hoặc trùng tên với một thư mục", en: "sent twice, or it has a folder's name")
            }
            throw Failure(code: errno)
        }
    }

    /// Appends `bytes`.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        pending.append(contentsOf: bytes)
        if pending.count >= Self.flushSize { try flush() }
    }

    /// Writes what is pending and closes the file.
    func finish() throws {
        try flush()
        close()
    }

    /// Closes the file (what is pending is dropped).
    func close() {
        if fd >= 0 { _ = Glibc.close(fd) }
        fd = -1
    }

    private func flush() throws {
        guard fd >= 0, !pending.isEmpty else { return }
        let written = pending.withUnsafeBytes { bytes -> Int in
            var done = 0
            while done < bytes.count, let base = bytes.baseAddress {
                let n = Glibc.write(fd, base + done, bytes.count - done)
                if n <= 0 { return done }
                done += n
            }
            return done
        }
        guard written == pending.count else { throw Failure(code: errno) }
        pending.removeAll(keepingCapacity: true)
    }

    deinit { close() }
}
