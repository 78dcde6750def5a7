import CTIFF
import Foundation

/// Direct decoding of strips, without libtiff's RGBA expansion (bilevel, gray and RGB pages).
extension TIFFFile {
    /// Decodes the common scan layouts strip by strip; `nil` when the layout needs the RGBA path.
    func decodeDirectly(_ fields: Fields, page: Int) throws(ImagingError) -> Raster? {
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
    func readStrips(
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

    static func expandBits(
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

    static func to8(_ value: UInt16) -> UInt8 {
        UInt8((UInt32(value) * 255 + 32767) / 65535)
    }
}
