import Foundation
import SohoaImaging
import XCTest

/// Locates the shared real scans (`../shared/scans` beside the package) and skips when they are absent.
enum TestScans {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // SohoaImagingTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("../shared/scans")
        .standardizedFileURL

    /// The URL of a real scan, or an XCTSkip naming what is missing.
    static func url(_ relativePath: String) throws -> URL {
        let url = root.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw XCTSkip(
                "real scan \(relativePath) not found: expected the shared scans folder at \(root.path) "
                    + "(../shared/scans beside the package)")
        }
        return url
    }

    /// Every file under a folder of the shared scans with the given extension.
    static func files(in folder: String, withExtension pathExtension: String) throws -> [URL] {
        let directory = try url(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.lowercased().hasSuffix("." + pathExtension) }.sorted()
            .map { directory.appendingPathComponent($0) }
    }
}

extension Raster {
    /// Fraction of samples darker than mid-gray.
    var darkFraction: Double {
        Double(pixels.lazy.filter { $0 < 128 }.count) / Double(Swift.max(1, pixels.count))
    }
}

extension DecodedScan {
    /// `raster` as a decoded 8-bit gray PNG scanned at 300 dpi: the synthetic pages of the tests.
    static func synthetic(_ raster: Raster) -> DecodedScan {
        DecodedScan(
            raster: raster,
            technical: TechnicalMetadata(
                format: .png, width: raster.width, height: raster.height, bitsPerSample: 8, samplesPerPixel: 1,
                colorModel: "gray", compression: "deflate", hasAlpha: false, resolutionX: 300, resolutionY: 300,
                pageIndex: 0, pageCount: 1))
    }
}
