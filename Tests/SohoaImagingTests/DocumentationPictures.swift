import Foundation
import SohoaImaging
import XCTest

/// Writes the before/after pictures of `docs/normalization.md` when `SOHOA_DOC_PICTURES` names a
/// folder (`SOHOA_DOC_PICTURES=docs/normalization swift test --filter DocumentationPictures`);
/// skipped otherwise.
final class DocumentationPictures: XCTestCase {
    func testWritePictures() throws {
        guard let folder = ProcessInfo.processInfo.environment["SOHOA_DOC_PICTURES"], !folder.isEmpty else {
            throw XCTSkip("set SOHOA_DOC_PICTURES to a folder to write the documentation pictures")
        }
        let out = URL(fileURLWithPath: folder, isDirectory: true)
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("SampleScans")
        let cases: [(name: String, url: URL, frame: Int, options: NormalizeOptions)] = [
            ("orientation", try TestScans.url("vie_vietocr3_samples/vietsample2.tif"), 0, NormalizeOptions()),
            ("border", try TestScans.url("unpaper_tests/imgsrc001.png"), 0, NormalizeOptions(orientation: false)),
            ("light", samples.appendingPathComponent("dia-chi-lai-chau/p11.tif"), 0, NormalizeOptions()),
            ("spread", try TestScans.url("unpaper_tests/imgsrcE001.png"), 0, NormalizeOptions(orientation: false)),
        ]
        for item in cases {
            let scan = try ScanDecoder.decode(item.url, page: item.frame)
            try write(scan.raster, out.appendingPathComponent("\(item.name)-before.png"))
            let pages = Normalizer(options: item.options).pages(of: scan)
            if pages.count == 1 {
                try write(pages[0].raster, out.appendingPathComponent("\(item.name)-after.png"))
            } else {
                for page in pages {
                    try write(page.raster, out.appendingPathComponent("\(item.name)-after-\(page.report.spreadPart ?? "x").png"))
                }
            }
        }
    }

    private func write(_ raster: Raster, _ url: URL) throws {
        try Data(try PNGEncoder.encode(raster.grayscale().downscaled(maxSide: 560))).write(to: url)
    }
}
