import Foundation
import SohoaImaging
import SohoaOCR

/// A page's image coded once for each of the item's PDFs (the archival one lossless, the reading one
/// compact), handed from the stage that has the page's final image (normalize, or OCR when a turned
/// reading wins) to packaging through the page's work folder. Packaging writes the coded bytes as they
/// are: no page image is compressed only to be inflated again.
struct PagePDFImages: Sendable {
    /// The PDFs the pipeline writes, each with how its images are coded.
    let codings: [(output: PipelineConfiguration.Output, coding: PDFImageCoding)]

    /// The images for the PDFs among `outputs` (none when it asks for no PDF).
    init(outputs: Set<PipelineConfiguration.Output>) {
        codings = [(.pdf, PDFImageCoding.lossless), (.pdfReading, PDFImageCoding.reading)].filter { outputs.contains($0.0) }
    }

    /// Where the image coded for `output`'s PDF is kept in a page's work folder.
    static func url(in folder: URL, for output: PipelineConfiguration.Output) -> URL {
        folder.appendingPathComponent(output == .pdfReading ? "pdf-image.reading" : "pdf-image.archival")
    }

    /// Every name a coded image has had in a work folder, this version's and earlier ones'.
    static func allURLs(in folder: URL) -> [URL] {
        [url(in: folder, for: .pdf), url(in: folder, for: .pdfReading), folder.appendingPathComponent("pdf-image.deflate")]
    }

    /// Codes `raster` (the page's final image, at `dpi`) for each PDF and writes the codes into `folder`
    /// (which also holds the G4 encoder's scratch file). `bilevelMaster`: the master is 1-bit.
    func write(_ raster: Raster, dpi: Int, bilevelMaster: Bool, in folder: URL, file: String) throws {
        for (output, coding) in codings {
            let coded = try coding.coded(raster, dpi: dpi, bilevelMaster: bilevelMaster, scratch: folder, file: file)
            try Data(coded.serialized()).write(to: Self.url(in: folder, for: output), options: .atomic)
        }
    }

    /// True when `folder` holds an image for each PDF (a page that needs no normalizing again).
    func areWritten(in folder: URL) -> Bool {
        codings.allSatisfy { FileManager.default.fileExists(atPath: Self.url(in: folder, for: $0.output).path) }
    }

    /// The image coded for `output`'s PDF from `folder`, or nil when it is missing or unreadable.
    static func load(_ output: PipelineConfiguration.Output, in folder: URL) -> PDFCodedImage? {
        guard let bytes = FileManager.default.contents(atPath: url(in: folder, for: output).path) else { return nil }
        return PDFCodedImage(serialized: [UInt8](bytes))
    }
}
