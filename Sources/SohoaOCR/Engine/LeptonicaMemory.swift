import CTesseractLineImages
import Foundation

/// Leptonica's large image blocks (Tesseract's page and line images) mapped writable when allocated
/// (issue 19): without it, the first write to each 4 KiB page of a fresh block replaced the kernel's
/// page of zeros on every core the process ran on, about 3% of a run's CPU time in interrupts (see
/// `pix_memory.c`). The images are the same, so the text is. `SOHOA_PIX_PREFAULT=0` leaves leptonica's
/// own allocator, for comparing (`scripts/bench-throughput.sh`).
public enum LeptonicaMemory {
    /// Installs the allocator once per process: `sohoa` calls it first thing, before any thread starts
    /// (leptonica's allocator is a plain global); the engines call it too, for other programs and tests.
    public static func prefaultLargeImages() { _ = installed }

    private static let installed: Bool = {
        guard ProcessInfo.processInfo.environment["SOHOA_PIX_PREFAULT"] != "0" else { return false }
        sohoa_pix_memory_prefault_large(1)
        return true
    }()
}
