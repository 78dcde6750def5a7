import Foundation
import SohoaOCR

/// One worker thread's page stages for queued pages: the run's own ingest, normalize and OCR stages,
/// run one after the other on a page, writing into the work area exactly what a local run writes.
///
/// Not `Sendable`: it owns its stages' engines (Tesseract for orientation and recognition) and lives on
/// one worker thread.
final class QueuePageProcessor {
    let work: WorkArea
    let worker: String
    let tessdata: URL
    let ocr: OCRStage
    /// The Tesseract models installed on this machine.
    let installed: Set<String>
    /// The normalize stage of the last settings seen (a batch's pages share them).
    private var normalize: (settings: QueueOrder.Settings, stage: NormalizeStage)?

    init(work: WorkArea, worker: String, tessdata: URL, makeEngine: () throws -> any OCREngine, judge: SuspectJudge) {
        self.work = work
        self.worker = worker
        self.tessdata = tessdata
        ocr = OCRStage(makeEngine: makeEngine, work: work, judge: judge, pdfImages: PagePDFImages(outputs: []))
        installed = TesseractEngine.availableLanguages(tessdata: tessdata)
    }

    /// The models of `order`'s OCR language that this machine lacks (empty for an image-only item).
    func missingModels(for order: QueueOrder) -> [String] {
        guard let language = order.ocrLanguage else { return [] }
        return language.split(separator: "+").map(String.init).filter { !installed.contains($0) }
    }

    /// Decodes, normalizes and recognizes the ordered page; a stage's failure is the outcome's, as a
    /// local run records it (the page fails, the batch goes on).
    ///
    /// `stillClaimed` is asked just before each write into the page's work folder: once it says no (the
    /// lease is lost, another worker has the page), nothing more is written and the work is discarded
    /// (`nil`), so the page's files are all of the one worker whose result is recorded.
    func process(_ order: QueueOrder, stillClaimed: @escaping () -> Bool = { true }) -> QueueOutcome? {
        let started = ContinuousClock.now
        var outcome = QueueOutcome(worker: worker, parts: [], failure: nil, seconds: 0)
        let job = order.job(in: work)
        var lost = false
        let claimed: () -> Bool = {
            if !lost, !stillClaimed() { lost = true }
            return !lost
        }
        let normalize = normalizeStage(order.settings)
        normalize.stillClaimed = claimed
        ocr.stillClaimed = claimed
        defer {
            normalize.stillClaimed = { true }
            ocr.stillClaimed = { true }
        }
        do throws(StageFailure) {
            let ingested = try IngestStage(quality: order.settings.quality).process(job)
            var parts = try normalize.process(ingested)
            for index in parts.indices where !ingested.captureFindings.isEmpty {
                parts[index].result.captureFindings = ingested.captureFindings
            }
            ocr.pdfImages = PagePDFImages(outputs: order.settings.outputs)
            for part in parts {
                let spreadPart = part.result.normalize.spreadPart
                do throws(StageFailure) {
                    outcome.parts.append(QueueOutcome.Part(spreadPart: spreadPart, result: try ocr.process(part)))
                } catch {
                    outcome.parts.append(QueueOutcome.Part(spreadPart: spreadPart, failure: error))
                }
            }
        } catch {
            outcome.failure = error
        }
        guard !lost else { return nil }
        let elapsed = started.duration(to: .now)
        outcome.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return outcome
    }

    private func normalizeStage(_ settings: QueueOrder.Settings) -> NormalizeStage {
        if let normalize, normalize.settings == settings { return normalize.stage }
        let stage = NormalizeStage(
            options: settings.normalize, accessMaxSide: settings.accessMaxSide, tessdata: tessdata,
            pdfImages: PagePDFImages(outputs: settings.outputs))
        normalize = (settings, stage)
        return stage
    }
}
