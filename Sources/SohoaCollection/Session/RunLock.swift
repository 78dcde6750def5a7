import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One `sohoa run` at a time per archive: an exclusive `flock` on
/// `extensions/sohoa-work/run.lock`, held for the whole run. The kernel drops it when the process
/// ends, however it ends (even SIGKILL), so a crashed run never blocks the next one. The file holds
/// who has the lock (process id, batch, start time) for the message shown to a second run.
public final class RunLock: Sendable {
    /// Who holds the lock, as written in the lock file.
    public let holder: String
    private let fd: Int32

    private init(fd: Int32, holder: String) {
        self.fd = fd
        self.holder = holder
    }

    /// The lock file of the archive at `archive`.
    public static func url(archive: URL) -> URL {
        archive.appendingPathComponent("extensions/sohoa-work/run.lock")
    }

    /// Takes the archive's run lock for the batch `batch`, or throws `RunError(.archive)` naming the
    /// run that holds it.
    public static func acquire(archive: URL, batch: String) throws(RunError) -> RunLock {
        let url = url(archive: archive)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw RunError(.archive, "the archive at \(archive.path) cannot be used: \(error.localizedDescription)")
        }
        let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw RunError(.archive, "cannot open \(url.path): \(String(cString: strerror(errno)))")
        }
        // A few short tries: `currentHolder` (an audit) may hold the lock for an instant.
        var tries = 0
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            if code == EWOULDBLOCK, tries < 40 {
                tries += 1
                usleep(50_000)
                continue
            }
            _ = close(fd)
            if code == EWOULDBLOCK {
                throw RunError(.archive, Messages.archiveBusy(archive: archive.path, holder: holder(url)))
            }
            throw RunError(.archive, "cannot lock \(url.path): \(String(cString: strerror(code)))")
        }
        let info = "pid \(getpid()), batch \(batch), since \(ISO8601DateFormatter().string(from: Date()))"
        // Best effort: the lock itself is what counts, the text only helps the message.
        _ = ftruncate(fd, 0)
        _ = info.withCString { pwrite(fd, $0, strlen($0), 0) }
        return RunLock(fd: fd, holder: info)
    }

    /// Whether a run holds the archive's lock now, and who: nil when nobody does.
    public static func currentHolder(archive: URL) -> String? {
        let url = url(archive: archive)
        let fd = open(url.path, O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { _ = close(fd) }
        if flock(fd, LOCK_EX | LOCK_NB) == 0 {
            _ = flock(fd, LOCK_UN)
            return nil
        }
        return holder(url)
    }

    private static func holder(_ url: URL) -> String {
        let text = (try? String(contentsOf: url, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return text.isEmpty ? "another sohoa run" : text
    }

    deinit {
        _ = flock(fd, LOCK_UN)
        _ = close(fd)
    }
}
