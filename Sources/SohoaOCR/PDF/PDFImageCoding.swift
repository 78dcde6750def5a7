import Foundation
import SohoaImaging

/// How a PDF writer codes its page images.
public enum PDFImageCoding: Sendable, Equatable {
    /// Lossless, at the normalized image's resolution: black-and-white pages as CCITT G4 when that is
    /// smaller, every other page Flate (the archival PDF/A).
    case lossless
    /// Small, for reading: black-and-white pages (a bilevel master, or a gray page whose samples are
    /// nearly all black or white) thresholded to CCITT G4 at full resolution; gray and colour pages as JPEG
    /// at `quality`, reduced to at most `dpi` (the reading PDF).
    case compact(dpi: Int, quality: Int)

    /// The reading PDF's coding: 150 dpi, JPEG quality 70.
    public static let reading = PDFImageCoding.compact(dpi: 150, quality: 70)

    /// A gray page at least this share near black or white (within 32 of 0 or 255) is coded as G4 by
    /// `compact`: a 1-bit page deskewed by 1.3° keeps about 0.97 (its stroke edges turn gray), a page
    /// with a photograph on a third of it about 0.68.
    public static let twoToneShare = 0.94

    /// The coded image: its XObject entries after `/Type /XObject /Subtype /Image` and its stream
    /// bytes; throws, saying why, when the image's samples cannot be inflated or encoded.
    ///
    /// - Parameters:
    ///   - image: the page image, Flate-coded 8-bit samples.
    ///   - dpi: its resolution.
    ///   - bilevelMaster: true when the page's master is 1-bit (its image is taken as black and white).
    ///   - scratch: a folder for the G4 encoder's temporary TIFF.
    ///   - file: the PDF being written, and `page` its 1-based page, for the error.
    func coded(
        _ image: PDFPageImage, dpi: Int, bilevelMaster: Bool, scratch: URL, file: String, page: Int
    ) throws(PDFWriterError) -> (entries: String, data: [UInt8]) {
        let colorSpace = image.grayscale ? "/DeviceGray" : "/DeviceRGB"
        switch self {
        case .lossless:
            if let g4 = Self.bilevelCode(image, scratch: scratch) {
                return (Self.g4Entries(width: image.width, height: image.height), g4)
            }
            return (
                "/Width \(image.width) /Height \(image.height) /ColorSpace \(colorSpace) /BitsPerComponent 8 /Filter /FlateDecode",
                image.deflated
            )
        case .compact(let maxDPI, let quality):
            let channels = image.grayscale ? 1 : 3
            guard let samples = Deflate.decompress(image.deflated, count: image.width * image.height * channels) else {
                throw PDFWriterError(
                    file: file, page: page,
                    message:
                        "zlib could not inflate the \(image.width)×\(image.height) page image: check free memory, then run the batch again")
            }
            let raster = Raster(width: image.width, height: image.height, layout: image.grayscale ? .gray : .rgb, pixels: samples)
            if bilevelMaster || (image.grayscale && raster.twoToneShare() >= Self.twoToneShare) {
                let bits = raster.thresholded()
                if let g4 = CCITTG4Encoder.encode(gray: bits.pixels, width: bits.width, height: bits.height, scratch: scratch) {
                    return (Self.g4Entries(width: bits.width, height: bits.height), g4)
                }
            }
            let reduced = dpi > maxDPI && maxDPI > 0 ? raster.scaled(by: Double(maxDPI) / Double(dpi)) : raster
            let jpeg: [UInt8]
            do {
                jpeg = try JPEGEncoder().encode(reduced, quality: quality)
            } catch {
                throw PDFWriterError(file: file, page: page, message: "the reading PDF's JPEG image cannot be written: \(error.reason)")
            }
            return (
                "/Width \(reduced.width) /Height \(reduced.height) /ColorSpace \(colorSpace) /BitsPerComponent 8 /Filter /DCTDecode",
                jpeg
            )
        }
    }

    /// A gray page whose every sample is black or white as CCITT G4 (lossless, a fraction of its
    /// Flate size), or nil for any other page.
    private static func bilevelCode(_ image: PDFPageImage, scratch: URL) -> [UInt8]? {
        guard image.grayscale, let samples = Deflate.decompress(image.deflated, count: image.width * image.height),
            !samples.contains(where: { $0 != 0 && $0 != 255 })
        else { return nil }
        guard let code = CCITTG4Encoder.encode(gray: samples, width: image.width, height: image.height, scratch: scratch),
            code.count < image.deflated.count
        else { return nil }
        return code
    }

    private static func g4Entries(width: Int, height: Int) -> String {
        "/Width \(width) /Height \(height) /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode "
            + "/DecodeParms << /K -1 /Columns \(width) /Rows \(height) >>"
    }
}
