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
        let channels = image.grayscale ? 1 : 3
        if case .lossless = self, !image.grayscale {
            return (Self.flateEntries(image), image.deflated)
        }
        guard let samples = Deflate.decompress(image.deflated, count: image.width * image.height * channels) else {
            throw PDFWriterError(
                file: file, page: page,
                message: "zlib could not inflate the \(image.width)×\(image.height) page image: check free memory, then run the batch again"
            )
        }
        let raster = Raster(width: image.width, height: image.height, layout: image.grayscale ? .gray : .rgb, pixels: samples)
        let coded = try self.coded(
            raster, deflated: image.deflated, dpi: dpi, bilevelMaster: bilevelMaster, scratch: scratch, file: file, page: page)
        return (coded.entries, coded.data)
    }

    /// The page image `raster` (8-bit gray or RGB) coded as this coding says, from its samples:
    /// what `SearchablePDFWriter.addPage(coded:dpi:text:)` writes. Throws, saying why, when the image
    /// cannot be compressed or encoded.
    ///
    /// - Parameters:
    ///   - raster: the page image at `dpi`.
    ///   - bilevelMaster: true when the page's master is 1-bit (its image is taken as black and white).
    ///   - scratch: a folder for the G4 encoder's temporary TIFF.
    ///   - file: the PDF (or page) being coded, and `page` its 1-based page when known, for the error.
    public func coded(
        _ raster: Raster, dpi: Int, bilevelMaster: Bool, scratch: URL, file: String, page: Int? = nil
    ) throws(PDFWriterError) -> PDFCodedImage {
        try coded(raster, deflated: nil, dpi: dpi, bilevelMaster: bilevelMaster, scratch: scratch, file: file, page: page)
    }

    /// `coded(_:dpi:bilevelMaster:scratch:file:page:)` with the samples' Flate code when it is at hand.
    private func coded(
        _ raster: Raster, deflated: [UInt8]?, dpi: Int, bilevelMaster: Bool, scratch: URL, file: String, page: Int?
    ) throws(PDFWriterError) -> PDFCodedImage {
        guard raster.width > 0, raster.height > 0 else {
            throw PDFWriterError(
                file: file, page: page,
                message: "unusable page image \(raster.width)×\(raster.height): check the normalize stage's output")
        }
        let grayscale = raster.layout == .gray
        switch self {
        case .lossless:
            guard let flate = deflated ?? ImageDeflate.compress(raster.pixels) else {
                throw PDFWriterError(
                    file: file, page: page,
                    message: "zlib could not compress the \(raster.width)×\(raster.height) image: check free memory")
            }
            if grayscale, !raster.pixels.contains(where: { $0 != 0 && $0 != 255 }),
                let g4 = CCITTG4Encoder.encode(gray: raster.pixels, width: raster.width, height: raster.height, scratch: scratch),
                g4.count < flate.count
            {
                return PDFCodedImage(
                    width: raster.width, height: raster.height, entries: Self.g4Entries(width: raster.width, height: raster.height),
                    data: g4)
            }
            let entries =
                "/Width \(raster.width) /Height \(raster.height) /ColorSpace \(grayscale ? "/DeviceGray" : "/DeviceRGB") /BitsPerComponent 8 /Filter /FlateDecode"
            return PDFCodedImage(width: raster.width, height: raster.height, entries: entries, data: flate)
        case .compact(let maxDPI, let quality):
            if bilevelMaster || (grayscale && raster.twoToneShare() >= Self.twoToneShare) {
                let bits = raster.thresholded()
                if let g4 = CCITTG4Encoder.encode(gray: bits.pixels, width: bits.width, height: bits.height, scratch: scratch) {
                    return PDFCodedImage(
                        width: raster.width, height: raster.height, entries: Self.g4Entries(width: bits.width, height: bits.height),
                        data: g4)
                }
            }
            let reduced = dpi > maxDPI && maxDPI > 0 ? raster.scaled(by: Double(maxDPI) / Double(dpi)) : raster
            let jpeg: [UInt8]
            do {
                jpeg = try JPEGEncoder().encode(reduced, quality: quality)
            } catch {
                throw PDFWriterError(file: file, page: page, message: "the reading PDF's JPEG image cannot be written: \(error.reason)")
            }
            let entries =
                "/Width \(reduced.width) /Height \(reduced.height) /ColorSpace \(grayscale ? "/DeviceGray" : "/DeviceRGB") /BitsPerComponent 8 /Filter /DCTDecode"
            return PDFCodedImage(width: raster.width, height: raster.height, entries: entries, data: jpeg)
        }
    }

    private static func flateEntries(_ image: PDFPageImage) -> String {
        "/Width \(image.width) /Height \(image.height) /ColorSpace \(image.grayscale ? "/DeviceGray" : "/DeviceRGB") /BitsPerComponent 8 /Filter /FlateDecode"
    }

    private static func g4Entries(width: Int, height: Int) -> String {
        "/Width \(width) /Height \(height) /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode "
            + "/DecodeParms << /K -1 /Columns \(width) /Rows \(height) >>"
    }
}
