import CJPEG2000
import Foundation

/// A JPEG 2000 scan (a JP2 file or a raw codestream; gray, RGB, sYCC or CMYK; any bit depth up to
/// 16, lossless or lossy) decoded in-process with OpenJPEG, its resolution taken from the JP2
/// resolution box.
struct JPEG2000File {
    /// The path, for messages (OpenJPEG reads the file itself).
    let path: String
    /// The file's bytes, for the boxes and the main header.
    let bytes: [UInt8]

    /// Decoded samples OpenJPEG may hold at once (4 bytes each): larger images are refused.
    static let maximumSampleBytes = 2 << 30

    /// The header: size, components, and what the boxes say.
    struct Header {
        var width: Int
        var height: Int
        var components: Int
        var boxes: JPEG2000Boxes
    }

    /// Reads the header without decoding pixels.
    func readHeader() throws(ImagingError) -> Header {
        let session = try DecodeSession(path: path, boxes: JPEG2000Boxes(bytes))
        defer { session.close() }
        return try session.header()
    }

    /// Decodes the image to 8-bit gray or RGB.
    func decode() throws(ImagingError) -> DecodedScan {
        let session = try DecodeSession(path: path, boxes: JPEG2000Boxes(bytes))
        defer { session.close() }
        let header = try session.header()
        guard header.width <= TIFFFile.maximumPixels, header.height <= TIFFFile.maximumPixels,
            header.width * header.height <= TIFFFile.maximumPixels,
            header.width * header.height * header.components * 4 <= Self.maximumSampleBytes
        else {
            throw ImagingError(
                file: path, kind: .tooLarge,
                reason: "the image is \(header.width)×\(header.height) pixels in \(header.components) components, more than sohoa "
                    + "decodes safely; split it or scan at a lower resolution")
        }
        let image = try session.decodeImage()
        return try Self.scan(image, header: header, path: path)
    }

    /// 8-bit pixels and the technical record of a decoded image.
    private static func scan(
        _ image: UnsafeMutablePointer<opj_image_t>, header: Header, path: String
    ) throws(ImagingError)
        -> DecodedScan
    {
        let count = Int(image.pointee.numcomps)
        guard count > 0, let comps = image.pointee.comps else {
            throw ImagingError(file: path, kind: .corrupt, reason: "the JPEG 2000 image has no components; the file is damaged")
        }
        let components = (0..<count).map { comps[$0] }
        for component in components where component.data == nil || component.w == 0 || component.h == 0 {
            throw ImagingError(
                file: path, kind: .corrupt, reason: "a JPEG 2000 component was not decoded; the file is damaged or cut short")
        }
        let width = Int(components[0].w), height = Int(components[0].h)
        let colorSpace = image.pointee.color_space
        let alphaIndex = components.firstIndex { $0.alpha != 0 }
        let colours = components.enumerated().filter { $0.offset != alphaIndex }.map(\.element)
        let gray = colours.count < 3
        let cmyk = colorSpace == OPJ_CLRSPC_CMYK && colours.count >= 4
        let ycc = colorSpace == OPJ_CLRSPC_SYCC && colours.count >= 3

        // Each component at the first one's grid (chroma may be subsampled), scaled to 8 bits.
        let planes = (gray ? [colours[0]] : Array(colours.prefix(cmyk ? 4 : 3))).map { plane($0, width: width, height: height) }
        let alpha = alphaIndex.map { plane(components[$0], width: width, height: height) }
        var pixels: [UInt8]
        if gray {
            pixels = planes[0]
        } else if cmyk {
            var interleaved = [UInt8](repeating: 0, count: width * height * 4)
            for index in 0..<(width * height) {
                for channel in 0..<4 { interleaved[index * 4 + channel] = planes[channel][index] }
            }
            pixels = JPEGFile.rgb(fromCMYK: interleaved, inverted: false)
        } else {
            pixels = [UInt8](repeating: 0, count: width * height * 3)
            for index in 0..<(width * height) {
                var r = Double(planes[0][index]), g = Double(planes[1][index]), b = Double(planes[2][index])
                if ycc {
                    let y = r, cb = g - 128, cr = b - 128
                    r = y + 1.402 * cr
                    g = y - 0.344136 * cb - 0.714136 * cr
                    b = y + 1.772 * cb
                }
                pixels[index * 3] = clamp(r)
                pixels[index * 3 + 1] = clamp(g)
                pixels[index * 3 + 2] = clamp(b)
            }
        }
        if let alpha {
            let channels = gray ? 1 : 3
            for index in 0..<(width * height) {
                let a = Int(alpha[index])
                for channel in 0..<channels {
                    let at = index * channels + channel
                    pixels[at] = UInt8((Int(pixels[at]) * a + 255 * (255 - a)) / 255)
                }
            }
        }
        let precision = Int(components[0].prec)
        let lossless = header.boxes.isLossless
        let colorModel =
            gray ? (precision == 1 ? "bilevel" : "gray") : cmyk ? "cmyk" : ycc ? "ycbcr" : "rgb"
        let technical = TechnicalMetadata(
            format: .jpeg2000, width: width, height: height, bitsPerSample: precision, samplesPerPixel: count,
            colorModel: colorModel,
            compression: lossless == true ? "JPEG 2000 (lossless)" : lossless == false ? "JPEG 2000 (lossy)" : "JPEG 2000",
            hasAlpha: alphaIndex != nil, resolutionX: header.boxes.resolutionX, resolutionY: header.boxes.resolutionY,
            pageIndex: 0, pageCount: 1)
        return DecodedScan(
            raster: Raster(width: width, height: height, layout: gray ? .gray : .rgb, pixels: pixels), technical: technical)
    }

    /// One component's samples at `width`×`height` (nearest sample where it is subsampled), in 8 bits.
    private static func plane(_ component: opj_image_comp_t, width: Int, height: Int) -> [UInt8] {
        let cw = Int(component.w), ch = Int(component.h)
        let precision = max(1, min(Int(component.prec), 31))
        let offset = component.sgnd != 0 ? 1 << (precision - 1) : 0
        let maximum = (1 << precision) - 1
        var out = [UInt8](repeating: 0, count: width * height)
        guard let data = component.data else { return out }
        for y in 0..<height {
            let sy = min(ch - 1, y * ch / height)
            for x in 0..<width {
                let sx = min(cw - 1, x * cw / width)
                let value = min(max(Int(data[sy * cw + sx]) + offset, 0), maximum)
                out[y * width + x] =
                    precision == 8 ? UInt8(value) : precision > 8 ? UInt8(value >> (precision - 8)) : UInt8(value * 255 / maximum)
            }
        }
        return out
    }

    private static func clamp(_ value: Double) -> UInt8 { UInt8(min(255, max(0, value.rounded()))) }
}

/// OpenJPEG's codec, stream and image for one decode, and the messages it reported.
private final class DecodeSession {
    let path: String
    let boxes: JPEG2000Boxes
    let codec: UnsafeMutablePointer<opj_codec_t?>
    let stream: UnsafeMutablePointer<opj_stream_t?>
    let messages = Messages()
    var image: UnsafeMutablePointer<opj_image_t>?

    /// What OpenJPEG said while decoding (its errors end up in the refusal's reason).
    final class Messages {
        var errors: [String] = []
    }

    init(path: String, boxes: JPEG2000Boxes) throws(ImagingError) {
        self.path = path
        self.boxes = boxes
        guard let codec = opj_create_decompress(boxes.isJP2 ? OPJ_CODEC_JP2 : OPJ_CODEC_J2K) else {
            throw ImagingError(file: path, kind: .unreadable, reason: "OpenJPEG could not make a decoder (out of memory?)")
        }
        guard let stream = opj_stream_create_default_file_stream(path, 1) else {
            opj_destroy_codec(codec)
            throw ImagingError(
                file: path, kind: .unreadable, reason: "the file cannot be opened for reading; check that it exists and is readable")
        }
        self.codec = codec
        self.stream = stream
        let context = Unmanaged.passUnretained(messages).toOpaque()
        opj_set_error_handler(
            codec,
            { message, context in
                guard let message, let context else { return }
                let text = String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
                Unmanaged<Messages>.fromOpaque(context).takeUnretainedValue().errors.append(text)
            }, context)
        var parameters = opj_dparameters_t()
        opj_set_default_decoder_parameters(&parameters)
        _ = opj_setup_decoder(codec, &parameters)
        _ = opj_decoder_set_strict_mode(codec, 1)
    }

    func header() throws(ImagingError) -> JPEG2000File.Header {
        if image == nil {
            var read: UnsafeMutablePointer<opj_image_t>?
            guard opj_read_header(stream, codec, &read) != 0, let read else {
                throw failure("the JPEG 2000 header cannot be read")
            }
            image = read
        }
        guard let image, image.pointee.x1 > image.pointee.x0, image.pointee.y1 > image.pointee.y0, image.pointee.numcomps > 0
        else { throw failure("the JPEG 2000 header gives no image") }
        return JPEG2000File.Header(
            width: Int(image.pointee.x1 - image.pointee.x0), height: Int(image.pointee.y1 - image.pointee.y0),
            components: Int(image.pointee.numcomps), boxes: boxes)
    }

    func decodeImage() throws(ImagingError) -> UnsafeMutablePointer<opj_image_t> {
        _ = try header()
        guard let image, opj_decode(codec, stream, image) != 0, opj_end_decompress(codec, stream) != 0 else {
            throw failure("the JPEG 2000 data cannot be decoded whole")
        }
        return image
    }

    func close() {
        if let image { opj_image_destroy(image) }
        opj_stream_destroy(stream)
        opj_destroy_codec(codec)
    }

    private func failure(_ what: String) -> ImagingError {
        let said = messages.errors.isEmpty ? "" : " (OpenJPEG: \(messages.errors.prefix(2).joined(separator: "; ")))"
        return ImagingError(
            file: path, kind: .corrupt, reason: "\(what)\(said); the file is damaged or cut short: copy it again or rescan the page")
    }
}
