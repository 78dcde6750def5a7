import Foundation

/// Makes sure Tesseract's OpenMP runs single-threaded (DESIGN §3): libgomp reads
/// `OMP_THREAD_LIMIT` when it is loaded, before `main`, so the process re-executes itself once
/// with the variable set. Parallelism comes from sohoa's own OCR workers.
public enum OpenMPGuard {
    /// Re-executes the current program with `OMP_THREAD_LIMIT=1` unless it is already set.
    /// Returns only if no re-exec was needed, or if it failed (the run is then slower, not wrong).
    public static func reexecIfNeeded(arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = CommandLine.unsafeArgv) {
        let environment = ProcessInfo.processInfo.environment
        guard environment["OMP_THREAD_LIMIT"] != "1" else { return }
        guard environment["SOHOA_OMP_REEXEC"] == nil else { return }
        setenv("OMP_THREAD_LIMIT", "1", 1)
        setenv("SOHOA_OMP_REEXEC", "1", 1)
        execv("/proc/self/exe", arguments)
        let message =
            "sohoa: warning: could not restart with OMP_THREAD_LIMIT=1 (\(String(cString: strerror(errno)))); "
            + "OCR will be slower. Set OMP_THREAD_LIMIT=1 in the environment.\n"
        FileHandle.standardError.write(Data(message.utf8))
    }
}
