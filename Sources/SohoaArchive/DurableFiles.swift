import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// File-system primitives for crash-safe writes: flushed files, atomic renames, flushed folders.
public enum DurableFiles {
    /// Creates `url` (which must not exist) and opens it for writing.
    static func createForWriting(_ url: URL) throws -> FileHandle {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if fd < 0 { throw failure("create", url) }
        return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    /// Writes `data` to a new file `url` and flushes it to disk.
    static func write(_ data: Data, to url: URL) throws {
        let handle = try createForWriting(url)
        defer { try? handle.close() }
        do {
            try handle.write(contentsOf: data)
            try handle.synchronize()
        } catch {
            throw OCFLError.fileSystem(operation: "write", path: url.path, reason: "\(error)")
        }
    }

    /// Renames `from` to `to` atomically (replacing a file at `to`), then flushes the folder of `to`.
    static func rename(_ from: URL, to: URL) throws {
        if Foundation.rename(from.path, to.path) != 0 {
            throw failure("rename \(from.path) to", to)
        }
        syncFolder(to.deletingLastPathComponent())
    }

    /// Flushes a folder's entries to disk (best effort: not every file system supports it).
    static func syncFolder(_ url: URL) {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        _ = close(fd)
    }

    /// Creates a folder and its missing parents.
    public static func makeFolder(_ url: URL) throws {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw OCFLError.fileSystem(operation: "create folder", path: url.path, reason: "\(error)")
        }
    }

    /// Removes a file or folder tree; a missing item is not an error.
    public static func remove(_ url: URL) throws {
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        do {
            try FileManager.default.removeItem(at: url)
        } catch {
            throw OCFLError.fileSystem(operation: "remove", path: url.path, reason: "\(error)")
        }
    }

    /// Names of the entries of a folder (empty when the folder does not exist).
    static func entries(of url: URL) throws -> [String] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        do {
            return try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
        } catch {
            throw OCFLError.fileSystem(operation: "list", path: url.path, reason: "\(error)")
        }
    }

    /// True when `url` is an existing folder.
    static func isFolder(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    static func failure(_ operation: String, _ url: URL) -> OCFLError {
        let code = errno
        return .fileSystem(operation: operation, path: url.path, reason: String(cString: strerror(code)))
    }
}

extension DurableFiles {
    /// Replaces (or creates) `url` with `data` by writing a flushed temporary file beside it and renaming it.
    public static func replace(_ url: URL, with data: Data) throws {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try write(data, to: temporary)
            try rename(temporary, to: url)
        } catch {
            try? remove(temporary)
            throw error
        }
    }
}
