import SohoaImaging

/// A page image ready to be placed in a PDF: 8-bit samples, zlib-compressed (`FlateDecode`).
///
/// Small and `Codable`, so the pipeline can keep it on disk between OCR and packaging and
/// assemble the item's PDF later without decoding the page again.
public struct PDFPageImage: Sendable, Codable, Equatable {
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int
    /// True for one gray sample a pixel, false for RGB.
    public var grayscale: Bool
    /// The samples, row by row without padding, compressed with zlib.
    public var deflated: [UInt8]

    /// Creates an image from already compressed samples.
    public init(width: Int, height: Int, grayscale: Bool, deflated: [UInt8]) {
        self.width = width
        self.height = height
        self.grayscale = grayscale
        self.deflated = deflated
    }

    /// Compresses a raster's samples.
    public init(raster: Raster) throws {
        guard raster.width > 0, raster.height > 0 else {
            throw PDFWriterError(
                file: "(page image)", message: "image is empty (\(raster.width)×\(raster.height)): check the normalize stage's output")
        }
        guard let deflated = ImageDeflate.compress(raster.pixels) else {
            throw PDFWriterError(
                file: "(page image)", message: "zlib could not compress the \(raster.width)×\(raster.height) image: check free memory")
        }
        self.init(width: raster.width, height: raster.height, grayscale: raster.layout == .gray, deflated: deflated)
    }
}
