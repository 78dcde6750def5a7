import Foundation
import SohoaImaging
import XCTest

/// The capture-quality measures on SampleScans pages, on defect-injected copies of one (downsampled to
/// 150 dpi, blurred, clipped, saved as 1-bit), and on real scans from `../shared/scans`: each defect is
/// found with its own reason and only that one; good pages are never flagged.
final class CaptureQualityTests: XCTestCase {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("SampleScans")
    /// A text pipeline's criteria: the standard ones, gray expected, at most 2% clipped.
    let criteria = CaptureQualityCriteria(minimumDPI: 300, expectedTone: .gray, maximumBlur: 4, maximumClipped: 0.02)

    static let samplePages = [
        "dia-chi-lai-chau/p8.tif", "dia-chi-lai-chau/p9.tif", "dia-chi-lai-chau/p10.tif", "dia-chi-lai-chau/p11.tif",
        "dia-chi-lai-chau/p12.tif", "bao-lai-chau-1998/trang-1.tif", "bao-lai-chau-1998/trang-3.png",
        "truyen-co-thai/01.tif",
    ]

    private func report(_ scan: DecodedScan) -> CaptureQualityReport {
        CaptureQuality.measure(raster: scan.raster, technical: scan.technical, dpi: DPIResolver.resolve(scan.technical))
    }

    private func sample(_ path: String, page: Int = 0) throws -> DecodedScan {
        try ScanDecoder.decode(Self.samples.appendingPathComponent(path), page: page)
    }

    func testSampleScansPagesPass() throws {
        var paths = Self.samplePages.map { ($0, 0) }
        paths += [("cong-van-2021.tif", 0), ("cong-van-2021.tif", 2)]
        // SampleScans hold 1-bit pages and a newspaper scanned at 250 dpi: any tone, 250 dpi.
        var lenient = criteria
        lenient.expectedTone = nil
        lenient.minimumDPI = 250
        for (path, page) in paths {
            let report = report(try sample(path, page: page))
            print("\(path) p\(page): \(report)")
            XCTAssertEqual(report.findings(against: lenient), [], path)
        }
    }

    func testRealScansPass() throws {
        let paths = [
            "vie_vietocr3_samples/vietsample.tif", "vie_vietocr3_samples/vietsample1.tif",
            "tesseract_test/synthetic/phototest.tif", "unpaper_tests/imgsrc003.png", "pytesseract_formats/test.png",
            "leptonica_prog/1555.007.jpg",
        ]
        for path in paths {
            let scan = try ScanDecoder.decode(TestScans.url(path))
            let report = report(scan)
            print("\(path): \(report)")
            // Several are 1-bit, under 300 dpi, or burn their paper to pure white (as many scanners
            // do, which is why clipping is unchecked by default): none may be called blurred.
            XCTAssertEqual(report.findings(against: .standard).map(\.kind).filter { $0 != .resolution }, [], path)
        }
    }

    func testDownsampledPageIsFlaggedForResolutionOnly() throws {
        var scan = try sample("dia-chi-lai-chau/p9.tif")
        scan = Self.downsampled(scan, to: 150)
        let findings = report(scan).findings(against: criteria)
        XCTAssertEqual(findings.map(\.kind), [.resolution])
        XCTAssertEqual(findings.first?.vietnamese, "độ phân giải 150 dpi < 300 dpi tối thiểu")
    }

    func testBlurredPageIsFlaggedForBlurOnly() throws {
        var scan = try sample("dia-chi-lai-chau/p9.tif")
        scan.raster = Self.blurred(scan.raster, radius: 2)
        let report = report(scan)
        print("blurred p9: \(report)")
        let findings = report.findings(against: criteria)
        XCTAssertEqual(findings.map(\.kind), [.blur])
        XCTAssert(findings.first?.vietnamese.hasPrefix("ảnh mờ") == true, "\(findings)")
    }

    func testClippedHighlightsAreFlaggedAlone() throws {
        var scan = try sample("dia-chi-lai-chau/p9.tif")
        // Exposure pushed up: the paper tone burns out to pure white.
        scan.raster = Self.mapped(scan.raster) { min(255, Int(Double($0) * 1.35)) }
        let report = report(scan)
        print("highlights p9: \(report)")
        XCTAssertEqual(report.findings(against: criteria).map(\.kind), [.clippedHighlights])
    }

    func testClippedShadowsAreFlaggedAlone() throws {
        var scan = try sample("dia-chi-lai-chau/p9.tif")
        // Exposure pulled down: the ink and its anti-aliased edges crush to pure black.
        scan.raster = Self.mapped(scan.raster) { max(0, Int(Double($0) * 1.5) - 170) }
        let report = report(scan)
        print("shadows p9: \(report)")
        XCTAssertEqual(report.findings(against: criteria).map(\.kind), [.clippedShadows])
    }

    func testGrayPageSavedAsOneBitIsFlaggedForToneOnly() throws {
        var scan = try sample("dia-chi-lai-chau/p9.tif")
        scan.raster = Self.mapped(scan.raster.grayscale()) { $0 < 128 ? 0 : 255 }
        scan.technical.bitsPerSample = 1
        scan.technical.samplesPerPixel = 1
        scan.technical.colorModel = "bilevel"
        scan.technical.compression = "CCITT Group 4"
        let report = report(scan)
        print("1-bit p9: \(report)")
        let findings = report.findings(against: criteria)
        XCTAssertEqual(findings.map(\.kind), [.tone])
        // The same file passes a pipeline that expects bilevel pages or any tone.
        var bilevel = criteria
        bilevel.expectedTone = .bilevel
        XCTAssertEqual(report.findings(against: bilevel), [])
        bilevel.expectedTone = nil
        XCTAssertEqual(report.findings(against: bilevel), [])
    }

    func testUncheckedCriteriaFlagNothing() throws {
        var scan = Self.downsampled(try sample("dia-chi-lai-chau/p9.tif"), to: 100)
        scan.raster = Self.blurred(scan.raster, radius: 3)
        let none = CaptureQualityCriteria(minimumDPI: nil, expectedTone: nil, maximumBlur: nil, maximumClipped: nil)
        XCTAssertEqual(report(scan).findings(against: none), [])
        XCTAssertEqual(
            Set(report(scan).findings(against: criteria).map(\.kind)), [.resolution, .blur])
    }

    func testBlankPageHasNoBlurMeasure() {
        let blank = Raster(width: 800, height: 1000, filledWith: 230)
        let report = CaptureQuality.measure(
            raster: blank, technical: DecodedScan.synthetic(blank).technical, dpi: ResolvedDPI(dpi: 300, estimated: false))
        XCTAssertNil(report.edgeWidth)
        XCTAssertEqual(report.findings(against: criteria), [])
    }

    // MARK: - Defects

    /// The page as if scanned at `dpi`: fewer pixels for the same paper, the resolution tag honest.
    static func downsampled(_ scan: DecodedScan, to dpi: Int) -> DecodedScan {
        let from = scan.technical.resolutionX ?? 300
        var scan = scan
        scan.raster = scan.raster.scaled(by: Double(dpi) / from)
        scan.technical.width = scan.raster.width
        scan.technical.height = scan.raster.height
        scan.technical.resolutionX = Double(dpi)
        scan.technical.resolutionY = Double(dpi)
        return scan
    }

    /// Three passes of a box blur of `radius` (close to a Gaussian of σ ≈ radius × 1.2), gray or RGB.
    static func blurred(_ raster: Raster, radius: Int) -> Raster {
        let channels = raster.layout.rawValue
        var pixels = raster.pixels.map { Int32($0) }
        let width = raster.width
        let height = raster.height
        func pass(count: Int, lines: Int, at: (Int, Int) -> Int) {
            var line = [Int32](repeating: 0, count: count)
            for lineIndex in 0..<lines {
                for channel in 0..<channels {
                    for position in 0..<count { line[position] = pixels[at(lineIndex, position) * channels + channel] }
                    // A running sum over the window, the edges repeated.
                    var sum: Int32 = 0
                    for offset in -radius...radius { sum += line[min(count - 1, max(0, offset))] }
                    for position in 0..<count {
                        pixels[at(lineIndex, position) * channels + channel] = sum / Int32(2 * radius + 1)
                        sum += line[min(count - 1, position + radius + 1)] - line[max(0, position - radius)]
                    }
                }
            }
        }
        for _ in 0..<3 {
            pass(count: width, lines: height) { y, x in y * width + x }
            pass(count: height, lines: width) { x, y in y * width + x }
        }
        return Raster(width: width, height: height, layout: raster.layout, pixels: pixels.map { UInt8($0) })
    }

    /// Every sample through `curve` (clamped to 0…255).
    static func mapped(_ raster: Raster, _ curve: (Int) -> Int) -> Raster {
        let table = (0...255).map { UInt8(min(255, max(0, curve($0)))) }
        return Raster(width: raster.width, height: raster.height, layout: raster.layout, pixels: raster.pixels.map { table[Int($0)] })
    }
}
