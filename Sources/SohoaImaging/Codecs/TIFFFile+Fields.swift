import CTIFF
import Foundation

/// The directory fields of the current page and the technical metadata made from them.
extension TIFFFile {
    struct Fields {
        var width = 0
        var height = 0
        var bitsPerSample = 1
        var samplesPerPixel = 1
        var photometric: Int?
        var compression = 1
        var planar = 1
        var orientation = 1
        var sampleFormat = 1
        var tiled = false
        var alpha: Alpha = .none
        var resolutionUnit = 2
        var resolutionX: Double?
        var resolutionY: Double?
        var grayPalette = false

        enum Alpha { case none, associated, unassociated }
        var hasAlpha: Bool { alpha != .none }
    }

    func readFields() -> Fields {
        var fields = Fields()
        var u32: UInt32 = 0
        var u16: UInt16 = 0
        if sohoa_tiff_get_u32(handle, UInt32(TIFFTAG_IMAGEWIDTH), &u32) != 0 { fields.width = Int(u32) }
        if sohoa_tiff_get_u32(handle, UInt32(TIFFTAG_IMAGELENGTH), &u32) != 0 { fields.height = Int(u32) }
        if sohoa_tiff_get_u16_defaulted(handle, UInt32(TIFFTAG_BITSPERSAMPLE), &u16) != 0 {
            fields.bitsPerSample = Int(u16)
        }
        if sohoa_tiff_get_u16_defaulted(handle, UInt32(TIFFTAG_SAMPLESPERPIXEL), &u16) != 0 {
            fields.samplesPerPixel = Int(u16)
        }
        if sohoa_tiff_get_u16(handle, UInt32(TIFFTAG_PHOTOMETRIC), &u16) != 0 { fields.photometric = Int(u16) }
        if sohoa_tiff_get_u16_defaulted(handle, UInt32(TIFFTAG_COMPRESSION), &u16) != 0 {
            fields.compression = Int(u16)
        }
        if sohoa_tiff_get_u16_defaulted(handle, UInt32(TIFFTAG_PLANARCONFIG), &u16) != 0 { fields.planar = Int(u16) }
        if sohoa_tiff_get_u16_defaulted(handle, UInt32(TIFFTAG_ORIENTATION), &u16) != 0 {
            fields.orientation = Int(u16)
        }
        if sohoa_tiff_get_u16_defaulted(handle, UInt32(TIFFTAG_SAMPLEFORMAT), &u16) != 0 {
            fields.sampleFormat = Int(u16)
        }
        if sohoa_tiff_get_u16_defaulted(handle, UInt32(TIFFTAG_RESOLUTIONUNIT), &u16) != 0 {
            fields.resolutionUnit = Int(u16)
        }
        fields.tiled = TIFFIsTiled(handle) != 0

        var extraCount: UInt16 = 0
        var extraTypes: UnsafeMutablePointer<UInt16>?
        if sohoa_tiff_get_extra_samples(handle, &extraCount, &extraTypes) != 0, let extraTypes {
            for index in 0..<Int(extraCount) {
                switch Int32(extraTypes[index]) {
                case EXTRASAMPLE_ASSOCALPHA where fields.alpha == .none: fields.alpha = .associated
                case EXTRASAMPLE_UNASSALPHA where fields.alpha == .none: fields.alpha = .unassociated
                default: break
                }
            }
        }

        // Resolution: centimetres are converted; files with no unit are taken as per inch, which is
        // what scanners that omit the unit mean (DPIResolver judges whether the value is plausible).
        let factor = fields.resolutionUnit == Int(RESUNIT_CENTIMETER) ? 2.54 : 1
        var value: Float = 0
        if sohoa_tiff_get_float(handle, UInt32(TIFFTAG_XRESOLUTION), &value) != 0, value.isFinite, value > 0 {
            fields.resolutionX = Double(value) * factor
        }
        if sohoa_tiff_get_float(handle, UInt32(TIFFTAG_YRESOLUTION), &value) != 0, value.isFinite, value > 0 {
            fields.resolutionY = Double(value) * factor
        }

        if fields.photometric == Int(PHOTOMETRIC_PALETTE), fields.bitsPerSample <= 16 {
            var red: UnsafeMutablePointer<UInt16>?
            var green: UnsafeMutablePointer<UInt16>?
            var blue: UnsafeMutablePointer<UInt16>?
            if sohoa_tiff_get_colormap(handle, &red, &green, &blue) != 0, let red, let green, let blue {
                let entries = 1 << fields.bitsPerSample
                fields.grayPalette = (0..<entries).allSatisfy {
                    red[$0] >> 8 == green[$0] >> 8 && green[$0] >> 8 == blue[$0] >> 8
                }
            }
        }
        return fields
    }

    func technicalMetadata(
        _ fields: Fields, page: Int, pageCount: Int
    ) throws(ImagingError)
        -> TechnicalMetadata
    {
        guard fields.width > 0, fields.height > 0 else {
            throw corrupt(page: page, "the page has no width or height")
        }
        guard fields.width <= Self.maximumPixels, fields.height <= Self.maximumPixels,
            fields.width * fields.height <= Self.maximumPixels
        else {
            throw ImagingError(
                file: path, page: page, kind: .tooLarge,
                reason: "the page is \(fields.width)×\(fields.height) pixels, more than sohoa decodes safely "
                    + "(\(Self.maximumPixels / 1_000_000) megapixels); split it or scan at a lower resolution")
        }
        return TechnicalMetadata(
            format: .tiff, width: fields.width, height: fields.height, bitsPerSample: fields.bitsPerSample,
            samplesPerPixel: fields.samplesPerPixel, colorModel: Self.colorModel(fields),
            compression: Self.compressionName(fields.compression), hasAlpha: fields.hasAlpha,
            resolutionX: fields.resolutionX, resolutionY: fields.resolutionY ?? fields.resolutionX,
            pageIndex: page, pageCount: pageCount)
    }

    static func colorModel(_ fields: Fields) -> String {
        switch fields.photometric.map(Int32.init) {
        case PHOTOMETRIC_MINISWHITE, PHOTOMETRIC_MINISBLACK, nil:
            return fields.bitsPerSample == 1 && fields.samplesPerPixel == 1 ? "bilevel" : "gray"
        case PHOTOMETRIC_RGB: return "rgb"
        case PHOTOMETRIC_PALETTE: return "palette"
        case PHOTOMETRIC_SEPARATED:
            return fields.samplesPerPixel - (fields.hasAlpha ? 1 : 0) == 4 ? "cmyk" : "separated"
        case PHOTOMETRIC_YCBCR: return "ycbcr"
        case PHOTOMETRIC_CIELAB, PHOTOMETRIC_ICCLAB, PHOTOMETRIC_ITULAB: return "lab"
        case PHOTOMETRIC_MASK: return "mask"
        default: return "other"
        }
    }

    /// The names `compressionName` gives the JPEG codings (old-style, code 6, and code 7): a page
    /// coded so lost detail (`TechnicalMetadata.isLossy`, `hasJPEGPages`).
    static let jpegCompressionNames: Set<String> = [
        compressionName(Int(COMPRESSION_OJPEG)), compressionName(Int(COMPRESSION_JPEG)),
    ]

    /// A human-readable name for a TIFF compression code.
    static func compressionName(_ code: Int) -> String {
        switch Int32(code) {
        case COMPRESSION_NONE: "none"
        case COMPRESSION_CCITTRLE, COMPRESSION_CCITTRLEW: "CCITT modified Huffman"
        case COMPRESSION_CCITTFAX3: "CCITT Group 3"
        case COMPRESSION_CCITTFAX4: "CCITT Group 4"
        case COMPRESSION_LZW: "LZW"
        case COMPRESSION_OJPEG: "JPEG (old-style)"
        case COMPRESSION_JPEG: "JPEG"
        case COMPRESSION_ADOBE_DEFLATE, COMPRESSION_DEFLATE: "Deflate"
        case COMPRESSION_PACKBITS: "PackBits"
        case COMPRESSION_JBIG: "JBIG"
        case COMPRESSION_LZMA: "LZMA"
        case COMPRESSION_ZSTD: "Zstandard"
        case COMPRESSION_WEBP: "WebP"
        case COMPRESSION_JP2000: "JPEG 2000"
        default: "code \(code)"
        }
    }
}
