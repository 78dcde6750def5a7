import CTurboJPEG

/// A JPEG scan (baseline or progressive; gray, YCbCr/RGB or CMYK/YCCK) decoded in-process with
/// libjpeg-turbo's TurboJPEG API, turned upright by its EXIF orientation, its resolution taken from
/// JFIF or EXIF.
struct JPEGFile {
    /// The path, for messages.
    let path: String
    /// The whole file.
    let bytes: [UInt8]

    /// The header: size, colour space, and the markers that matter.
    struct Header {
        var width: Int
        var height: Int
        var colorspace: TJCS
        var markers: JPEGMarkers
    }

    /// Reads the header without decoding pixels.
    func readHeader() throws(ImagingError) -> Header {
        let handle = try decompressor()
        defer { tjDestroy(handle) }
        return try header(handle)
    }

    /// Decodes the image to 8-bit gray or RGB, upright.
    func decode() throws(ImagingError) -> DecodedScan {
        let handle = try decompressor()
        defer { tjDestroy(handle) }
        let header = try header(handle)
        guard header.width <= TIFFFile.maximumPixels, header.height <= TIFFFile.maximumPixels,
            header.width * header.height <= TIFFFile.maximumPixels
        else {
            throw ImagingError(
                file: path, kind: .tooLarge,
                reason: "the image is \(header.width)×\(header.height) pixels, more than sohoa decodes safely; "
                    + "split it or scan at a lower resolution")
        }
        let cmyk = header.colorspace == TJCS_CMYK || header.colorspace == TJCS_YCCK
        let gray = header.colorspace == TJCS_GRAY
        let format = gray ? TJPF_GRAY : cmyk ? TJPF_CMYK : TJPF_RGB
        let channels = gray ? 1 : cmyk ? 4 : 3
        var pixels = [UInt8](repeating: 255, count: header.width * header.height * channels)
        // Stop at the first warning: data that ends early or hits a marker ("premature end"), or a bad
        // code, would otherwise be decoded to the last row as flat gray, however large the header says
        // the page is. Stray bytes between segments (the one warning after which the image is whole)
        // (or after the last scan's data, before the end marker) are taken out and the rest decoded
        // again, still stopping at any other warning.
        if decompress(bytes, handle, into: &pixels, header: header, format: format) != 0 {
            guard Self.isStrayBytesWarning(handle),
                let cleaned = JPEGStrayBytes.removed(from: bytes, beforeEnd: Self.strayBytesBeforeEnd(handle)),
                decompress(cleaned, handle, into: &pixels, header: header, format: format) == 0
            else {
                throw ImagingError(
                    file: path, kind: .corrupt,
                    reason: "the JPEG data cannot be decoded whole (libjpeg-turbo: \(Self.lastError(handle))); "
                        + "the file is damaged or cut short: copy it again or rescan the page")
            }
        }
        var raster: Raster
        if cmyk {
            raster = Raster(
                width: header.width, height: header.height, layout: .rgb,
                pixels: Self.rgb(fromCMYK: pixels, inverted: header.markers.adobe))
        } else {
            raster = Raster(width: header.width, height: header.height, layout: gray ? .gray : .rgb, pixels: pixels)
        }
        raster = raster.applyingEXIFOrientation(header.markers.orientation)
        let colorModel = gray ? "gray" : cmyk ? "cmyk" : header.colorspace == TJCS_RGB ? "rgb" : "ycbcr"
        let technical = TechnicalMetadata(
            format: .jpeg, width: header.width, height: header.height, bitsPerSample: 8, samplesPerPixel: channels,
            colorModel: colorModel, compression: header.markers.progressive ? "JPEG (progressive)" : "JPEG", hasAlpha: false,
            resolutionX: header.markers.resolutionX, resolutionY: header.markers.resolutionY, pageIndex: 0, pageCount: 1)
        return DecodedScan(raster: raster, technical: technical)
    }

    /// Decodes `source` into `pixels`, stopping at the first warning; 0 when the whole image was decoded.
    private func decompress(
        _ source: [UInt8], _ handle: tjhandle, into pixels: inout [UInt8], header: Header, format: TJPF
    ) -> Int32 {
        source.withUnsafeBufferPointer { source in
            pixels.withUnsafeMutableBufferPointer { target in
                tjDecompress2(
                    handle, source.baseAddress, UInt(source.count), target.baseAddress, Int32(header.width), 0,
                    Int32(header.height), Int32(format.rawValue), TJFLAG_STOPONWARNING)
            }
        }
    }

    /// Whether the decoder stopped on libjpeg's warning about bytes between two segments, the one
    /// warning after which the image is still whole.
    private static func isStrayBytesWarning(_ handle: tjhandle) -> Bool {
        tjGetErrorCode(handle) == Int32(TJERR_WARNING.rawValue) && lastError(handle).contains("extraneous bytes")
    }

    /// How many stray bytes the decoder found right before the end-of-image marker ("Corrupt JPEG data:
    /// 2 extraneous bytes before marker 0xd9": bytes after the last scan's data), or 0 when the warning
    /// is about another marker.
    private static func strayBytesBeforeEnd(_ handle: tjhandle) -> Int {
        let message = lastError(handle)
        guard let end = message.range(of: " extraneous bytes before marker 0xd9") else { return 0 }
        return Int(message[..<end.lowerBound].split(separator: " ").last ?? "") ?? 0
    }

    private func decompressor() throws(ImagingError) -> tjhandle {
        guard let handle = tjInitDecompress() else {
            throw ImagingError(file: path, kind: .unreadable, reason: "libjpeg-turbo could not make a JPEG decompressor (out of memory?)")
        }
        return handle
    }

    private func header(_ handle: tjhandle) throws(ImagingError) -> Header {
        var width: Int32 = 0, height: Int32 = 0, subsampling: Int32 = 0, colorspace: Int32 = 0
        let status = bytes.withUnsafeBufferPointer { source in
            tjDecompressHeader3(handle, source.baseAddress, UInt(source.count), &width, &height, &subsampling, &colorspace)
        }
        guard status == 0, width > 0, height > 0 else {
            throw ImagingError(
                file: path, kind: .corrupt,
                reason: "the JPEG header cannot be read (libjpeg-turbo: \(Self.lastError(handle))); the file is damaged or cut short")
        }
        return Header(
            width: Int(width), height: Int(height), colorspace: TJCS(rawValue: UInt32(colorspace)), markers: JPEGMarkers(bytes))
    }

    /// RGB from CMYK samples; Adobe's files store them inverted (255 = no ink).
    static func rgb(fromCMYK samples: [UInt8], inverted: Bool) -> [UInt8] {
        let count = samples.count / 4
        var out = [UInt8](repeating: 0, count: count * 3)
        for pixel in 0..<count {
            var c = Int(samples[pixel * 4]), m = Int(samples[pixel * 4 + 1])
            var y = Int(samples[pixel * 4 + 2]), k = Int(samples[pixel * 4 + 3])
            if !inverted {
                c = 255 - c
                m = 255 - m
                y = 255 - y
                k = 255 - k
            }
            out[pixel * 3] = UInt8(c * k / 255)
            out[pixel * 3 + 1] = UInt8(m * k / 255)
            out[pixel * 3 + 2] = UInt8(y * k / 255)
        }
        return out
    }

    private static func lastError(_ handle: tjhandle?) -> String {
        guard let message = tjGetErrorStr2(handle) else { return "unknown error" }
        return String(cString: message)
    }
}
