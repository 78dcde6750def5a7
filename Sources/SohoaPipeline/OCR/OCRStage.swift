import Foundation
import SohoaImaging
import SohoaOCR

/// OCR: recognize one normalized page with the worker's own engine, keep words with boxes and
/// confidences, and save the page's result so that no later run recognizes it again.
///
/// Not `Sendable`: it owns its engine and lives on one OCR worker's queue for its lifetime.
final class OCRStage {
    private let engine: Result<any OCREngine, OCRError>
    private let engineName: String
    private let work: WorkArea

    init(engine: Result<any OCREngine, OCRError>, engineName: String, work: WorkArea) {
        self.engine = engine
        self.engineName = engineName
        self.work = work
    }

    func process(_ input: NormalizedWork) throws(StageFailure) -> PageResult {
        let job = input.job
        var result = input.result
        if job.reuse == .text, let earlier = work.loadResult(in: job.folder), earlier.text != nil {
            result.text = earlier.text
            result.ocrEngine = earlier.ocrEngine
            result.ocrMilliseconds = earlier.ocrMilliseconds
            result.recognizedAt = earlier.recognizedAt
        } else if let language = job.item.ocrLanguage, !result.normalize.blank {
            let engine: any OCREngine
            switch self.engine {
            case .success(let ready): engine = ready
            case .failure(let error): throw failure(job, error.description)
            }
            let started = ContinuousClock.now
            do {
                let text = try engine.recognize(input.image, dpi: result.normalize.dpiUsed, language: language)
                result.text = text
            } catch {
                throw failure(job, "\(error)")
            }
            let elapsed = started.duration(to: .now)
            result.ocrMilliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
            result.ocrEngine = engineName
            result.recognizedAt = Date()
        } else {
            // Image-only items and blank pages: nothing to read; an empty text keeps outputs uniform.
            result.text = PageText.empty(width: input.image.width, height: input.image.height)
            result.ocrEngine = job.item.ocrLanguage == nil ? nil : engineName
            result.recognizedAt = Date()
        }
        do {
            try work.saveResult(result, in: job.folder)
        } catch {
            throw failure(job, "cannot save the page result in \(job.folder.path): \(error)")
        }
        return result
    }

    private func failure(_ job: PageJob, _ reason: String) -> StageFailure {
        StageFailure(stage: .ocr, file: job.page.file.path, page: job.page.name, itemID: job.item.id, reason: reason)
    }
}
