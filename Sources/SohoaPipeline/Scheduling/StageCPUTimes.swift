import Foundation
import Synchronization

/// CPU seconds a run spent in each stage's workers (issue 19: where the time goes), summed over the
/// workers' threads; `other` is the rest of the run's process time (planning and the masters'
/// checksums, the catalog writer, the progress display).
public struct StageCPUSeconds: Sendable, Codable, Equatable {
    /// Seconds by stage (`ingest`, `normalize`, `ocr`, `metadata`, `package`).
    public var stages: [String: Double]
    /// The process's CPU seconds outside the stages' workers.
    public var other: Double
    /// Seconds by part of a stage (`normalize.access_copy`, `ocr.recognize`, …: `StageCPUTimes.Part`),
    /// each also counted in its stage; nil from a run that did not measure them.
    public var parts: [String: Double]?

    /// Every part's figure rounded to a tenth: for the JSON summary.
    public var roundedParts: [String: Double] {
        (parts ?? [:]).mapValues { ($0 * 10).rounded() / 10 }
    }

    /// Every figure, `other` among them, rounded to a tenth: for the JSON summary.
    public var rounded: [String: Double] {
        var figures = stages.mapValues { ($0 * 10).rounded() / 10 }
        figures["other"] = (other * 10).rounded() / 10
        return figures
    }
}

/// Adds up the CPU time of the stages' worker threads while a run goes (`StageWorkers`).
final class StageCPUTimes: Sendable {
    private let seconds = Mutex<[String: Double]>([:])
    private let partSeconds = Mutex<[String: Double]>([:])
    /// The process's CPU time when the run started (made first thing in `BatchRunner.run`).
    private let processAtStart = StageCPUTimes.processSeconds()

    /// Adds `value` seconds to `stage`.
    func add(_ value: Double, to stage: String) {
        seconds.withLock { $0[stage, default: 0] += value }
    }

    /// The parts of a stage measured on their own (issue 19's list: normalize, recognize,
    /// ALTO/hOCR/text, PDF, access copy, hashing, OCFL and catalog).
    enum Part: String {
        /// Normalize: the normalizer's steps (orientation checks, deskew, crop, light, clean, split).
        case normalizeSteps = "normalize.steps"
        /// Normalize: the access copy's downscale and PNG.
        case accessCopy = "normalize.access_copy"
        /// Normalize: the page image coded for each PDF (coded again in OCR for a turned reading, which
        /// counts in `ocr.rereads`).
        case pdfImages = "normalize.pdf_images"
        /// OCR: the page's first reading.
        case recognize = "ocr.recognize"
        /// OCR: judging the reading and reading again (a bolder image, turned pages and their PDF
        /// images, doubtful lines enlarged).
        case rereads = "ocr.rereads"
        /// Package: the pages' ALTO, hOCR and text.
        case formats = "package.alto_hocr_text"
        /// Package: the item's PDFs (page images already coded).
        case pdf = "package.pdf"
        /// Package: the OCFL version (copies, SHA-512 and other digests, METS, inventory).
        case ocfl = "package.ocfl"
    }

    /// Runs `body` and adds the calling thread's CPU time in it to `part` (also counted in its stage).
    func measure<T, E: Error>(_ part: Part, _ body: () throws(E) -> T) throws(E) -> T {
        let started = Self.threadSeconds()
        defer {
            let used = Self.threadSeconds() - started
            partSeconds.withLock { $0[part.rawValue, default: 0] += used }
        }
        return try body()
    }

    /// `body`, measured into `cpu`'s `part` when there is one (a run's stages; none in a queue worker).
    static func measure<T, E: Error>(_ part: Part, in cpu: StageCPUTimes?, _ body: () throws(E) -> T) throws(E) -> T {
        guard let cpu else { return try body() }
        return try cpu.measure(part, body)
    }

    /// What each stage used, and the rest of the process since this object was made.
    var figures: StageCPUSeconds {
        let stages = seconds.withLock { $0 }
        let total = Self.processSeconds() - processAtStart
        return StageCPUSeconds(
            stages: stages, other: max(0, total - stages.values.reduce(0, +)), parts: partSeconds.withLock { $0 })
    }

    /// The calling thread's CPU time (user and system), in seconds.
    static func threadSeconds() -> Double {
        var time = timespec()
        guard clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time) == 0 else { return 0 }
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The process's CPU time (user and system, every thread), in seconds.
    static func processSeconds() -> Double {
        var time = timespec()
        guard clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time) == 0 else { return 0 }
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
