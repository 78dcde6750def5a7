import CTesseract
import Foundation

/// Tesseract's own messages on standard error ("Warning. Invalid resolution 0 dpi. Using 70
/// instead.", "Too few characters. Skipping this page", "Detected 60 diacritics"): words a
/// librarian running a batch cannot act on, written between the run's own lines, many per page on
/// pages that read poorly. They go to `/dev/null` (Tesseract's `debug_file`, one setting for the
/// whole process), unless `SOHOA_TESSERACT_MESSAGES=1` keeps them for a developer. What goes wrong is
/// said by sohoa's own errors and the pages' reports.
enum TesseractMessages {
    /// Sends Tesseract's messages away once per process; called before any engine is made, so no
    /// engine is printing while the setting changes.
    static func silence() { _ = silenced }

    private static let silenced: Bool = {
        guard ProcessInfo.processInfo.environment["SOHOA_TESSERACT_MESSAGES"] != "1", let api = TessBaseAPICreate() else {
            return false
        }
        defer { TessBaseAPIDelete(api) }
        return TessBaseAPISetVariable(api, "debug_file", "/dev/null") != 0
    }()
}
