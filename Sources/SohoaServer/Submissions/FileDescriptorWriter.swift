#if canImport(Glibc)
    import Glibc
#endif

/// Writes whole buffers to a file descriptor: what `write(2)` leaves over is written again, an
/// interrupted call is repeated. Shared by the inbox's tar chunks and the web upload's files.
enum FileDescriptorWriter {
    /// Writes every byte of `bytes` to `fd`; nil when all were written, else the `errno` of the
    /// failing call (ENOSPC when a call wrote nothing and reported no error).
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        guard let base = bytes.baseAddress else { return nil }
        var done = 0
        while done < bytes.count {
            let n = write(fd, base + done, bytes.count - done)
            if n < 0 {
                let code = errno
                if code == EINTR { continue }
                return code
            }
            if n == 0 { return ENOSPC }
            done += n
        }
        return nil
    }

    /// Makes what was written to the folder at `path` (new names in it) durable; the `errno` when it
    /// cannot.
    static func syncFolder(_ path: String) -> Int32? {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return errno }
        defer { close(fd) }
        return fsync(fd) == 0 ? nil : errno
    }
}
