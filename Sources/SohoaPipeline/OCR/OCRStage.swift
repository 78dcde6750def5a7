import Foundation
import SohoaCatalog
import SohoaCollection
import SohoaImaging
import SohoaOCR
import SohoaText

/// OCR: recognize one normalized page with the worker's own engine, keep words with boxes and
/// confidences, and save the page's result so that no later run recognizes it again. A page whose
/// text looks wrong (issue 11) is recognized again in the other three orientations; the best reading is
/// kept when it is clearly better, and a page that still looks wrong is marked suspect with a reason.
/// A page read with low confidence is first read once more with its strokes a pixel bolder (thin
/// typewriter type), and that reading kept when it is better. On a page that reads right, each
/// doubtful line is read once more from its image enlarged (`DoubtfulLineReader`).
///
/// Not `Sendable`: it owns its engine and lives on one OCR worker's queue for its lifetime.
final class OCRStage: Stage {
    static let kind = PipelineStage.ocr

    private let engine: Result<any OCREngine, OCRError>
    private let engineName: String
    private let work: WorkArea
    private let judge: SuspectJudge
    /// The PDFs whose page images the stage codes again when a turned reading wins (a queue worker sets
    /// them per page, from the page's order).
    var pdfImages: PagePDFImages
    /// Whether the page is still this stage's to write (a queue worker's lease still held): checked
    /// just before the page's files are written; always true in a local run.
    var stillClaimed: () -> Bool = { true }
    /// Where the CPU time of the stage's parts is added up (a local run), if anywhere.
    var cpu: StageCPUTimes?

    /// How much better (in `PageQuality.score`) a turned reading must be to replace the first one.
    static let clearlyBetter = 0.15
    /// Mean word confidence below which a page is read a second time with bolder strokes (every
    /// readable page of the benchmark's tune set reads at 93 or more; thin type broken apart, 82).
    static let doubtfulConfidence = 90.0
    /// How much better (in `PageQuality.score`) the bolder reading must be to be kept.
    static let bolderBetter = 0.02

    /// `pdfImages`: the PDFs whose page images the stage codes again when a turned reading wins.
    init(
        engine: Result<any OCREngine, OCRError>, engineName: String, work: WorkArea, judge: SuspectJudge = SuspectJudge(),
        pdfImages: PagePDFImages = PagePDFImages(outputs: [])
    ) {
        self.engine = engine
        self.engineName = engineName
        self.work = work
        self.judge = judge
        self.pdfImages = pdfImages
    }

    /// A stage with its own engine from `makeEngine`; an engine that cannot start makes every page fail
    /// with the reason (the worker still drains its queue).
    convenience init(makeEngine: () throws -> any OCREngine, work: WorkArea, judge: SuspectJudge, pdfImages: PagePDFImages) {
        let engine: Result<any OCREngine, OCRError>
        do {
            engine = .success(try makeEngine())
        } catch let error as OCRError {
            engine = .failure(error)
        } catch {
            engine = .failure(
                OCRError(kind: .engineInitializationFailed, language: "", message: "the OCR engine could not start: \(error)"))
        }
        self.init(engine: engine, engineName: SoftwareVersions.tesseract, work: work, judge: judge, pdfImages: pdfImages)
    }

    func process(_ input: NormalizedWork) throws(StageFailure) -> PageResult {
        let job = input.job
        var result = input.result
        if job.reuse == .text, let earlier = work.loadResult(in: job.folder), earlier.text != nil {
            result.text = earlier.text
            result.suspectReason = earlier.suspectReason
            result.syllableShare = earlier.syllableShare
            result.readBolder = earlier.readBolder
            result.linesReadAgain = earlier.linesReadAgain
            result.linesReplaced = earlier.linesReplaced
            result.lineRereadMilliseconds = earlier.lineRereadMilliseconds
            if let turns = earlier.ocrQuarterTurns, turns != 0 {
                try keepTurned(input.image.quarterTurned(clockwise: turns), turns: turns, in: &result, job: job)
            }
            result.ocrEngine = earlier.ocrEngine
            result.ocrMilliseconds = earlier.ocrMilliseconds
            result.ocrCPUMilliseconds = earlier.ocrCPUMilliseconds
            result.recognizedAt = earlier.recognizedAt
        } else if let language = job.item.ocrLanguage, !result.normalize.blank {
            let engine: any OCREngine
            switch self.engine {
            case .success(let ready): engine = ready
            case .failure(let error): throw failure(job, error.description)
            }
            let started = ContinuousClock.now
            let cpuStarted = StageCPUTimes.threadSeconds()
            do {
                let text = try StageCPUTimes.measure(.recognize, in: cpu) { () throws in
                    try engine.recognize(input.image, dpi: result.normalize.dpiUsed, language: language)
                }
                result.text = text
            } catch {
                throw failure(job, "\(error)")
            }
            try StageCPUTimes.measure(.rereads, in: cpu) { () throws(StageFailure) in
                try check(input, engine: engine, language: language, result: &result)
            }
            let elapsed = started.duration(to: .now)
            result.ocrMilliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
            result.ocrCPUMilliseconds = Int(((StageCPUTimes.threadSeconds() - cpuStarted) * 1000).rounded())
            result.ocrEngine = engineName
            result.recognizedAt = Date()
        } else {
            // Image-only items and blank pages: nothing to read; an empty text keeps outputs uniform.
            result.text = PageText.empty(width: input.image.width, height: input.image.height)
            result.ocrEngine = job.item.ocrLanguage == nil ? nil : engineName
            result.recognizedAt = Date()
        }
        // Another worker has the page now: its result is that worker's to write.
        guard stillClaimed() else { throw StageFailure.claimLost(job, stage: .ocr) }
        do {
            try work.saveResult(result, in: job.folder)
        } catch {
            throw failure(job, "cannot save the page result in \(job.folder.path): \(error)")
        }
        return result
    }

    /// Judges the recognized text; a page that looks wrong is read again turned by 90°, 180° or 270°
    /// where a band of its lines reads clearly better so turned (`TurnScreen`).
    private func check(
        _ input: NormalizedWork, engine: any OCREngine, language: String, result: inout PageResult
    ) throws(StageFailure) {
        guard let text = result.text else { return }
        var quality = PageQuality(text, language: language)
        // The image the kept reading was recognized from.
        var image = input.image
        // Thin type read with low confidence: read once more with its strokes a pixel bolder.
        if quality.wordCount > 0, (quality.meanConfidence ?? 0) < Self.doubtfulConfidence,
            let bolder = try? engine.recognize(
                StrokeThickener.thickened(input.image), dpi: result.normalize.dpiUsed, language: language)
        {
            let bolderQuality = PageQuality(bolder, language: language)
            if bolderQuality.score >= quality.score + Self.bolderBetter {
                image = StrokeThickener.thickened(input.image)
                result.text = bolder
                result.readBolder = true
                quality = bolderQuality
            }
        }
        var reason = judge.reason(for: quality)
        // Text read in a wrong orientation comes out as garbage words; no words at all (a photograph)
        // will not read better turned.
        if reason != nil, quality.wordCount > 0 {
            var best: (turns: Int, text: PageText, quality: PageQuality, image: Raster)?
            // A band of lines read in each turn first: only a turn that reads clearly better there is
            // read whole (a photograph or noise reads as garbage every way).
            let vietnamese = language.split(separator: "+").contains("vie")
            let scorer = SampleRecognizer(
                engine: engine, language: language, isSyllable: vietnamese ? { VietnameseSyllable.isPossibleSyllable($0) } : nil)
            for turns in TurnScreen.turnsWorthReading(input.image, dpi: result.normalize.dpiUsed, scorer: scorer) {
                let turned = input.image.quarterTurned(clockwise: turns)
                guard let retry = try? engine.recognize(turned, dpi: result.normalize.dpiUsed, language: language) else {
                    continue
                }
                let retryQuality = PageQuality(retry, language: language)
                if retryQuality.score >= quality.score + Self.clearlyBetter, retryQuality.score > best?.quality.score ?? 0 {
                    best = (turns, retry, retryQuality, turned)
                }
            }
            if let best {
                try keepTurned(best.image, turns: best.turns, in: &result, job: input.job)
                result.text = best.text
                result.ocrQuarterTurns = best.turns
                result.readBolder = false
                image = best.image
                quality = best.quality
                reason = judge.reason(for: quality)
            }
        }
        if reason == nil { judge.accept(quality) }
        // A page that reads right: its doubtful lines are read again, enlarged.
        if reason == nil, language.split(separator: "+").contains("vie"), let text = result.text {
            let started = ContinuousClock.now
            let reader = DoubtfulLineReader(engine: engine, language: language)
            let outcome = reader.reread(text, image: image, dpi: result.normalize.dpiUsed)
            let elapsed = started.duration(to: .now)
            if outcome.linesRead > 0 {
                result.text = outcome.text
                result.linesReadAgain = outcome.linesRead
                result.linesReplaced = outcome.linesReplaced
                result.lineRereadMilliseconds = Int(
                    elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
            }
        }
        result.suspectReason = reason
        result.syllableShare = quality.syllableShare
    }

    /// Makes the page's transform and PDF image follow a reading of the normalized image turned by `turns`.
    private func keepTurned(_ image: Raster, turns: Int, in result: inout PageResult, job: PageJob) throws(StageFailure) {
        result.transform = result.transform.turned(clockwise: turns)
        guard stillClaimed() else { throw StageFailure.claimLost(job, stage: .ocr) }
        do {
            let technical = result.technical
            try pdfImages.write(
                image, dpi: result.pdfImageDPI, bilevelMaster: technical.bitsPerSample == 1 && technical.samplesPerPixel == 1,
                in: job.folder, file: job.page.file.path)
        } catch {
            throw failure(job, "cannot write the turned page image to \(job.folder.path): \(error)")
        }
        result.pdfImageWidth = image.width
        result.pdfImageHeight = image.height
    }

    private func failure(_ job: PageJob, _ reason: String) -> StageFailure {
        StageFailure(stage: .ocr, file: job.page.file.path, page: job.page.name, itemID: job.item.id, reason: reason)
    }
}
