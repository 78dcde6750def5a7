/// One image a PDF page draws, as `pdfimages -list` describes it.
struct PDFImageListing: Equatable {
    /// 1-based page.
    var page: Int
    /// `image`, or `mask`, `smask`, `stencil` for transparency and masks.
    var type: String
    var width: Int
    var height: Int
    /// `gray`, `rgb`, `cmyk`, `icc`, `index`, `lab`, `sep`, `devn`, ...
    var color: String
    var bitsPerComponent: Int
    /// The stream's encoding: `jpeg`, `jpx`, `ccitt`, `jbig2`, `image` (Flate or none), ...
    var encoding: String
    /// Resolution at which the page places the image, in dots per inch.
    var ppiX: Double
    var ppiY: Double

    /// Whether the encoding loses detail (DCT or JPEG 2000; a JPEG 2000 stream may be lossless, but
    /// the listing cannot tell, so it counts as lossy).
    var isLossy: Bool { encoding == "jpeg" || encoding == "jpx" }

    /// The rows of `pdfimages -list` output (its two header lines skipped, odd lines ignored).
    static func parse(_ text: String) -> [PDFImageListing] {
        text.split(separator: "\n").compactMap { line in
            let f = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard f.count >= 14, let page = Int(f[0]), let width = Int(f[3]), let height = Int(f[4]),
                let bits = Int(f[7]), let ppiX = Double(f[12]), let ppiY = Double(f[13])
            else { return nil }
            return PDFImageListing(
                page: page, type: f[2], width: width, height: height, color: f[5], bitsPerComponent: bits, encoding: f[8],
                ppiX: ppiX, ppiY: ppiY)
        }
    }
}
