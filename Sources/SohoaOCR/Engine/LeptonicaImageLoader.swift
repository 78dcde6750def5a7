import CTesseract
import Foundation
import SohoaImaging

/// Reads an image file with leptonica into an 8-bit gray `Raster`.
///
/// A test and diagnostic aid (it is what the `tesseract` CLI reads images with), not the ingest
/// path: production decoding belongs to SohoaImaging.
public enum LeptonicaImageLoader {
    /// Why an image could not be read.
    public struct LoadError: Error, CustomStringConvertible, Sendable {
        /// The file that failed.
        public var path: String
        /// The page index inside the file.
        public var page: Int
        /// What happened and what to do.
        public var message: String

        /// `path page N, stage load: message`.
        public var description: String { "\(path) page \(page + 1), stage load: \(message)" }
    }

    /// A loaded page and the resolution stored in the file (0 when the file has none).
    public struct Image: Sendable {
        /// The page as 8-bit gray.
        public var raster: Raster
        /// Horizontal resolution from the file, 0 when it has none.
        public var dpi: Int
    }

    /// Loads page `page` (0-based; only multi-page TIFFs have more than one) as 8-bit gray.
    public static func loadGray(path: String, page: Int = 0) throws -> Image {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw LoadError(path: path, page: page, message: "file missing or unreadable: check the path")
        }
        let lower = path.lowercased()
        let isTIFF = lower.hasSuffix(".tif") || lower.hasSuffix(".tiff")
        var source: UnsafeMutablePointer<PIX>? = isTIFF ? pixReadTiff(path, Int32(page)) : (page == 0 ? pixRead(path) : nil)
        defer { pixDestroy(&source) }
        guard let pix = source else {
            throw LoadError(path: path, page: page, message: "leptonica cannot decode this page: check the format and page number")
        }
        var converted: UnsafeMutablePointer<PIX>? = pixConvertTo8(pix, 0)
        defer { pixDestroy(&converted) }
        guard let gray = converted else {
            throw LoadError(path: path, page: page, message: "cannot convert depth \(pixGetDepth(pix)) to 8-bit gray")
        }
        let width = Int(pixGetWidth(gray)), height = Int(pixGetHeight(gray))
        var pixels = [UInt8](repeating: 0, count: width * height)
        let status = pixels.withUnsafeMutableBufferPointer { sohoa_pix8_copy(gray, $0.baseAddress, $0.count) }
        guard status == 0 else {
            throw LoadError(path: path, page: page, message: "cannot copy the 8-bit samples")
        }
        return Image(raster: Raster(width: width, height: height, layout: .gray, pixels: pixels), dpi: Int(pixGetXRes(pix)))
    }
}
