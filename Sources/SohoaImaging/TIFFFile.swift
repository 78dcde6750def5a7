import CTIFF
import Foundation

/// An open TIFF file. Owns the libtiff handle and the buffer that collects libtiff's error text;
/// both are freed in `deinit`. Not `Sendable`: use it on one thread and let it go.
final class TIFFFile {
    /// Largest page decoded, in pixels (a 600 dpi A2 scan is about 140 megapixels).
    static let maximumPixels = 400_000_000

    let path: String
    private let handle: OpaquePointer
    private let messages: UnsafeMutablePointer<SohoaTIFFMessages>

    /// Opens the TIFF at `path`, after checking its chain of directories (see `TIFFDirectoryChain`).
    init(path: String) throws(ImagingError) {
        _ = try TIFFDirectoryChain(path: path)
        let messages = UnsafeMutablePointer<SohoaTIFFMessages>.allocate(capacity: 1)
        messages.initialize(to: SohoaTIFFMessages())
        guard let handle = sohoa_tiff_open(path, messages) else {
            let text = Self.text(of: messages)
            messages.deinitialize(count: 1)
            messages.deallocate()
            throw ImagingError(
                file: path, kind: .corrupt,
                reason: "the TIFF file is damaged or truncated and cannot be opened"
                    + (text.isEmpty ? "" : " (libtiff: \(text))") + "; rescan or re-export it")
        }
        self.path = path
        self.handle = handle
        self.messages = messages
    }

    deinit {
        TIFFClose(handle)
        messages.deinitialize(count: 1)
        messages.deallocate()
    }

    /// Number of pages (image directories); an error when the chain of pages is broken (a truncated
    /// multi-page file must not silently lose its last pages).
    func pageCount() throws(ImagingError) -> Int {
        clearMessages()
        let count = Int(TIFFNumberOfDirectories(handle))
        let text = Self.text(of: messages)
        guard text.isEmpty, count > 0 else {
            throw ImagingError(
                file: path, kind: .corrupt,
                reason: "the TIFF's list of pages is damaged or truncated after page \(count)"
                    + (text.isEmpty ? "" : " (libtiff: \(text))") + "; rescan or re-export the file")
        }
        return count
    }

    /// Decodes one page (0-based) to an 8-bit raster.
    func decode(page: Int) throws(ImagingError) -> DecodedScan {
        let count = try pageCount()
        guard page >= 0, page < count else {
            throw ImagingError(
                file: path, page: page, kind: .pageOutOfRange,
                reason: "the file has \(count) page\(count == 1 ? "" : "s"); there is no page \(page + 1)")
        }
        clearMessages()
        guard TIFFSetDirectory(handle, tdir_t(page)) != 0 else {
            throw corrupt(page: page, "the page's directory cannot be read")
        }
        let fields = readFields()
        let technical = try technicalMetadata(fields, page: page, pageCount: count)
        let raster: Raster
        if let direct = try decodeDirectly(fields, page: page) {
            raster = direct
        } else {
            raster = try decodeThroughRGBA(fields, page: page)
        }
        return DecodedScan(raster: raster, technical: technical)
    }

    // MARK: - Directory fields

    private struct Fields {
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

    private func readFields() -> Fields {
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

    private func technicalMetadata(
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

    private static func colorModel(_ fields: Fields) -> String {
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

    // MARK: - Direct decoding (strips, no RGBA expansion)

    /// Decodes the common scan layouts strip by strip; `nil` when the layout needs the RGBA path.
    private func decodeDirectly(_ fields: Fields, page: Int) throws(ImagingError) -> Raster? {
        guard !fields.tiled, fields.orientation == Int(ORIENTATION_TOPLEFT),
            fields.sampleFormat == Int(SAMPLEFORMAT_UINT),
            fields.compression != Int(COMPRESSION_OJPEG),
            fields.planar == Int(PLANARCONFIG_CONTIG) || fields.samplesPerPixel == 1,
            let photometric = fields.photometric.map(Int32.init)
        else { return nil }
        let bits = fields.bitsPerSample
        let samples = fields.samplesPerPixel
        let width = fields.width
        let height = fields.height

        if photometric == PHOTOMETRIC_MINISWHITE || photometric == PHOTOMETRIC_MINISBLACK, samples == 1,
            [1, 8, 16].contains(bits)
        {
            let invert = photometric == PHOTOMETRIC_MINISWHITE
            var pixels = [UInt8](repeating: 255, count: width * height)
            try pixels.withUnsafeMutableBufferPointer { (out) throws(ImagingError) in
                guard let base = out.baseAddress else { return }
                try readStrips(height: height, page: page) { row, y in
                    let target = base + y * width
                    switch bits {
                    case 1: Self.expandBits(row, into: target, width: width, invert: invert)
                    case 8:
                        for x in 0..<width { target[x] = invert ? ~row[x] : row[x] }
                    default:
                        let wide = UnsafeRawPointer(row).assumingMemoryBound(to: UInt16.self)
                        for x in 0..<width {
                            let value = Self.to8(wide[x])
                            target[x] = invert ? ~value : value
                        }
                    }
                }
            }
            return Raster(width: width, height: height, layout: .gray, pixels: pixels)
        }

        let alphaSamples = fields.hasAlpha ? 1 : 0
        if photometric == PHOTOMETRIC_RGB, [8, 16].contains(bits), samples == 3 + alphaSamples {
            let associated = fields.alpha == .associated
            var pixels = [UInt8](repeating: 255, count: width * height * 3)
            try pixels.withUnsafeMutableBufferPointer { (out) throws(ImagingError) in
                guard let base = out.baseAddress else { return }
                try readStrips(height: height, page: page) { row, y in
                    let target = base + y * width * 3
                    for x in 0..<width {
                        var rgb: (UInt8, UInt8, UInt8, UInt8)
                        if bits == 8 {
                            let source = row + x * samples
                            rgb = (source[0], source[1], source[2], samples == 4 ? source[3] : 255)
                        } else {
                            let source = UnsafeRawPointer(row).assumingMemoryBound(to: UInt16.self) + x * samples
                            rgb = (
                                Self.to8(source[0]), Self.to8(source[1]), Self.to8(source[2]),
                                samples == 4 ? Self.to8(source[3]) : 255
                            )
                        }
                        if samples == 4 {
                            rgb.0 = Compositing.onWhite(rgb.0, alpha: rgb.3, premultiplied: associated)
                            rgb.1 = Compositing.onWhite(rgb.1, alpha: rgb.3, premultiplied: associated)
                            rgb.2 = Compositing.onWhite(rgb.2, alpha: rgb.3, premultiplied: associated)
                        }
                        target[x * 3] = rgb.0
                        target[x * 3 + 1] = rgb.1
                        target[x * 3 + 2] = rgb.2
                    }
                }
            }
            return Raster(width: width, height: height, layout: .rgb, pixels: pixels)
        }
        return nil
    }

    /// Reads every strip of the current page and hands each decoded row, top to bottom, to `body`.
    private func readStrips(
        height: Int, page: Int, _ body: (UnsafePointer<UInt8>, Int) -> Void
    ) throws(ImagingError) {
        var rowsPerStrip: UInt32 = 0
        _ = sohoa_tiff_get_u32_defaulted(handle, UInt32(TIFFTAG_ROWSPERSTRIP), &rowsPerStrip)
        let stripRows = max(1, min(Int(rowsPerStrip), height))
        let scanline = Int(TIFFScanlineSize(handle))
        let stripSize = Int(TIFFStripSize(handle))
        let strips = Int(TIFFNumberOfStrips(handle))
        guard scanline > 0, stripSize >= scanline, strips > 0 else {
            throw corrupt(page: page, "the page's strip layout is invalid")
        }
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: stripSize, alignment: 16)
        defer { buffer.deallocate() }
        for strip in 0..<strips {
            let firstRow = strip * stripRows
            let rows = min(stripRows, height - firstRow)
            if rows <= 0 { break }
            let read = TIFFReadEncodedStrip(handle, UInt32(strip), buffer, -1)
            guard read >= rows * scanline else {
                throw corrupt(page: page, "strip \(strip) of the page cannot be decoded")
            }
            let bytes = UnsafePointer(buffer.assumingMemoryBound(to: UInt8.self))
            for row in 0..<rows {
                body(bytes + row * scanline, firstRow + row)
            }
        }
    }

    private static func expandBits(
        _ row: UnsafePointer<UInt8>, into target: UnsafeMutablePointer<UInt8>, width: Int, invert: Bool
    ) {
        // In min-is-white data a set bit is black; in min-is-black data a set bit is white.
        let setValue: UInt8 = invert ? 0 : 255
        let clearValue: UInt8 = invert ? 255 : 0
        var x = 0
        var byteIndex = 0
        while x < width {
            let byte = row[byteIndex]
            let count = min(8, width - x)
            if byte == 0 {
                (target + x).update(repeating: clearValue, count: count)
            } else if byte == 0xFF {
                (target + x).update(repeating: setValue, count: count)
            } else {
                for bit in 0..<count {
                    target[x + bit] = (byte << bit) & 0x80 != 0 ? setValue : clearValue
                }
            }
            x += 8
            byteIndex += 1
        }
    }

    private static func to8(_ value: UInt16) -> UInt8 {
        UInt8((UInt32(value) * 255 + 32767) / 65535)
    }

    // MARK: - Fallback through libtiff's RGBA reader

    private func decodeThroughRGBA(_ fields: Fields, page: Int) throws(ImagingError) -> Raster {
        let width = fields.width
        let height = fields.height
        guard width * height <= Self.maximumPixels / 2 else {
            throw ImagingError(
                file: path, page: page, kind: .tooLarge,
                reason: "the page is \(width)×\(height) pixels in a layout that needs 4 bytes a pixel to decode; "
                    + "save it as a stripped gray or RGB TIFF")
        }
        var message = [CChar](repeating: 0, count: 1024)
        guard TIFFRGBAImageOK(handle, &message) != 0 else {
            let text = String(decoding: message.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw ImagingError(
                file: path, page: page, kind: .unsupportedFormat,
                reason: "this TIFF page uses a layout sohoa cannot decode (\(text)); "
                    + "re-save it as an 8-bit gray, RGB or 1-bit TIFF")
        }
        let buffer = UnsafeMutablePointer<UInt32>.allocate(capacity: width * height)
        defer { buffer.deallocate() }
        guard
            TIFFReadRGBAImageOriented(handle, UInt32(width), UInt32(height), buffer, Int32(ORIENTATION_TOPLEFT), 1) != 0
        else {
            throw corrupt(page: page, "the page's image data cannot be decoded")
        }
        let gray =
            fields.photometric == Int(PHOTOMETRIC_MINISWHITE) || fields.photometric == Int(PHOTOMETRIC_MINISBLACK)
            || (fields.photometric == Int(PHOTOMETRIC_PALETTE) && fields.grayPalette)
        let channels = gray ? 1 : 3
        var pixels = [UInt8](repeating: 255, count: width * height * channels)
        pixels.withUnsafeMutableBufferPointer { out in
            for index in 0..<(width * height) {
                let value = buffer[index]
                let alpha = UInt8(truncatingIfNeeded: value >> 24)
                // libtiff's RGBA output is premultiplied by alpha.
                let red = Compositing.onWhite(UInt8(truncatingIfNeeded: value), alpha: alpha, premultiplied: true)
                let green = Compositing.onWhite(
                    UInt8(truncatingIfNeeded: value >> 8), alpha: alpha, premultiplied: true)
                if gray {
                    out[index] = green
                } else {
                    out[index * 3] = red
                    out[index * 3 + 1] = green
                    out[index * 3 + 2] = Compositing.onWhite(
                        UInt8(truncatingIfNeeded: value >> 16), alpha: alpha, premultiplied: true)
                }
            }
        }
        return Raster(width: width, height: height, layout: gray ? .gray : .rgb, pixels: pixels)
    }

    // MARK: - Errors

    private func clearMessages() {
        messages.pointee = SohoaTIFFMessages()
    }

    private static func text(of messages: UnsafeMutablePointer<SohoaTIFFMessages>) -> String {
        withUnsafeBytes(of: &messages.pointee.text) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
    }

    private func corrupt(page: Int, _ what: String) -> ImagingError {
        let text = Self.text(of: messages)
        return ImagingError(
            file: path, page: page, kind: .corrupt,
            reason: "\(what): the TIFF data is damaged or truncated"
                + (text.isEmpty ? "" : " (libtiff: \(text))") + "; rescan or re-export the file")
    }
}
