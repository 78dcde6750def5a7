import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive advisory lock (`flock`) on a lock file, held until `unlock()` or deinit.
///
/// Each `FileLock` opens its own descriptor, so two locks on one file exclude each other across
/// threads of one process as well as across processes; the kernel drops the lock when a process dies.
public final class FileLock {
    private var fd: Int32

    private init(fd: Int32) { self.fd = fd }

    /// Waits for the lock on `url`, creating the file if needed.
    public static func acquire(_ url: URL) throws -> FileLock {
        let fd = try openLockFile(url)
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let error = DurableFiles.failure("lock", url)
            _ = close(fd)
            throw error
        }
        return FileLock(fd: fd)
    }

    /// Makes the lock file `url`, which must not exist yet, already locked: the file is made and locked
    /// under a private name and then renamed, so that nobody who opens `url` ever finds it unlocked (a
    /// staging cleaner in another process takes a folder whose lock it can take for an abandoned one).
    public static func createLocked(_ url: URL) throws -> FileLock {
        let hidden = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent)-\(UUID().uuidString)")
        let fd = open(hidden.path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if fd < 0 { throw DurableFiles.failure("open lock file", hidden) }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let error = DurableFiles.failure("lock", hidden)
            _ = close(fd)
            _ = unlink(hidden.path)
            throw error
        }
        if rename(hidden.path, url.path) != 0 {
            let error = DurableFiles.failure("rename lock file", url)
            _ = close(fd)
            _ = unlink(hidden.path)
            throw error
        }
        return FileLock(fd: fd)
    }

    /// Takes the lock on `url` if nobody holds it; nil when it is held (or the file is missing).
    static func tryAcquire(_ url: URL) -> FileLock? {
        let fd = open(url.path, O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            _ = close(fd)
            return nil
        }
        return FileLock(fd: fd)
    }

    private static func openLockFile(_ url: URL) throws -> Int32 {
        let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if fd < 0 { throw DurableFiles.failure("open lock file", url) }
        return fd
    }

    /// Releases the lock.
    public func unlock() {
        guard fd >= 0 else { return }
        _ = flock(fd, LOCK_UN)
        _ = close(fd)
        fd = -1
    }

    deinit { unlock() }
}
