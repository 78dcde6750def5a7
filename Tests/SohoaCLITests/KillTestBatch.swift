import Foundation

/// A small batch for the kill, race and full-disk tests, copied from `SampleScans/`: two items read
/// with Vietnamese OCR (a 1-bit G4 item of two pages, an 8-bit JPEG-in-TIFF page) and one
/// image-only item (`language: none`), run with a pipeline that skips the slower normalization
/// steps and makes small access copies, so that a debug build gets through it in seconds.
struct KillTestBatch {
    /// The batch folder.
    let folder: URL
    /// The pipeline file used.
    let pipeline: URL
    /// Item ids.
    let items: [String]
    /// Pages in the batch.
    let pages: Int
    /// Pages read by OCR (each has a text file in the archive).
    let ocrPages: Int

    /// The pipeline: every stage runs, with the costly normalization steps off.
    static let pipelineText = """
        name: kill-test
        languages: [vie]
        normalize: {orientation: false, deskew: false, max-skew: 15, crop-borders: false, even-light: false,
                    binarize: none, despeckle: false, split-spreads: never, min-dpi: 200}
        ocr: {psm: auto, outputs: [alto, text, pdf]}
        workers: {ingest: 1, normalize: 1, ocr: 1, package: 1}
        package: {access-derivative: {format: png, max-side: 600}}

        """

    /// Copies the batch into `folder/<name>` and writes its pipeline file beside it.
    static func make(in folder: URL, name: String = "batch") throws -> KillTestBatch {
        let samples = Sohoa.packageRoot.appendingPathComponent("SampleScans")
        let batch = folder.appendingPathComponent(name)
        let layout: [(item: String, files: [String], yaml: String?)] = [
            ("truyen-co", ["truyen-co-thai/01.tif", "truyen-co-thai/02.tif"], nil),
            ("bao-xuan", ["bao-lai-chau-1998/trang-2.tif"], "title: \"Báo Lai Châu (trích)\"\nlanguage: vie\n"),
            ("chu-thai", ["truyen-co-thai/03.tif"], "title: \"Truyện cổ (chữ Thái, chỉ ảnh)\"\nlanguage: none\n"),
        ]
        for entry in layout {
            let target = batch.appendingPathComponent(entry.item)
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            for file in entry.files {
                let source = samples.appendingPathComponent(file)
                try FileManager.default.copyItem(at: source, to: target.appendingPathComponent(source.lastPathComponent))
            }
            if let yaml = entry.yaml {
                try Data(yaml.utf8).write(to: target.appendingPathComponent("item.yaml"))
            }
        }
        let pipeline = folder.appendingPathComponent("\(name)-pipeline.yaml")
        try Data(pipelineText.utf8).write(to: pipeline)
        return KillTestBatch(
            folder: batch, pipeline: pipeline, items: layout.map(\.item), pages: 4, ocrPages: 3)
    }

    /// `sohoa run` over this batch into `archive`.
    func runArguments(archive: URL, extra: [String] = []) -> [String] {
        ["run", folder.path, "--archive", archive.path, "--pipeline", pipeline.path, "--library", "LCH"] + extra
    }
}
