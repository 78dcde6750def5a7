import CPNG
import Foundation

/// Reads a PNG held in memory through libpng's simplified `png_image` API (no setjmp/longjmp).
/// Header facts libpng's simplified API does not expose (bit depth, colour type, pHYs) come from
/// the chunk bytes directly.
struct PNGFile {
    /// Facts from IHDR, PLTE, tRNS and pHYs.
    struct Header {
        var width = 0
        var height = 0
        var bitDepth = 0
        var colorType = 0
        var hasTransparency = false
        var grayPalette = false
        var pixelsPerMetreX: Int?
        var pixelsPerMetreY: Int?
    }

    let path: String
    let bytes: [UInt8]

    /// Decodes the only page of the PNG.
    func decode() throws(ImagingError) -> DecodedScan {
        let header = try readHeader()
        guard header.width > 0, header.height > 0 else {
            throw corrupt("the image has no width or height")
        }
        guard header.width <= TIFFFile.maximumPixels, header.height <= TIFFFile.maximumPixels,
            header.width * header.height <= TIFFFile.maximumPixels
        else {
            throw ImagingError(
                file: path, kind: .tooLarge,
                reason: "the image is \(header.width)×\(header.height) pixels, more than sohoa decodes safely; "
                    + "split it or scan at a lower resolution")
        }
        let gray = header.colorType == 0 || header.colorType == 4 || (header.colorType == 3 && header.grayPalette)
        let layout: Raster.Layout = gray ? .gray : .rgb

        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        defer { png_image_free(&image) }
        let begun = bytes.withUnsafeBytes { raw in
            png_image_begin_read_from_memory(&image, raw.baseAddress, raw.count)
        }
        guard begun != 0 else { throw corrupt("the PNG header cannot be read", libpng: Self.message(of: image)) }
        guard Int(image.width) == header.width, Int(image.height) == header.height else {
            throw corrupt("the PNG header is inconsistent")
        }
        image.format = gray ? UInt32(PNG_FORMAT_GRAY) : UInt32(PNG_FORMAT_RGB)
        var pixels = [UInt8](repeating: 255, count: header.width * header.height * layout.rawValue)
        var white = png_color(red: 255, green: 255, blue: 255)
        let finished = pixels.withUnsafeMutableBytes { raw in
            png_image_finish_read(&image, &white, raw.baseAddress, 0, nil)
        }
        guard finished != 0 else { throw corrupt("the image data cannot be decoded", libpng: Self.message(of: image)) }

        let samples = [0: 1, 2: 3, 3: 1, 4: 2, 6: 4][header.colorType] ?? 1
        let colorModel: String
        switch header.colorType {
        case 0: colorModel = header.bitDepth == 1 ? "bilevel" : "gray"
        case 3: colorModel = "palette"
        case 4: colorModel = "gray"
        default: colorModel = "rgb"
        }
        let technical = TechnicalMetadata(
            format: .png, width: header.width, height: header.height, bitsPerSample: header.bitDepth,
            samplesPerPixel: samples, colorModel: colorModel, compression: "Deflate",
            hasAlpha: header.colorType == 4 || header.colorType == 6 || header.hasTransparency,
            resolutionX: header.pixelsPerMetreX.map { Double($0) * 0.0254 },
            resolutionY: header.pixelsPerMetreY.map { Double($0) * 0.0254 },
            pageIndex: 0, pageCount: 1)
        return DecodedScan(
            raster: Raster(width: header.width, height: header.height, layout: layout, pixels: pixels),
            technical: technical)
    }

    /// Walks the chunks before the image data for IHDR, PLTE, tRNS and pHYs.
    func readHeader() throws(ImagingError) -> Header {
        var header = Header()
        var offset = 8
        var sawHeader = false
        func uint32(at index: Int) -> Int {
            Int(bytes[index]) << 24 | Int(bytes[index + 1]) << 16 | Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
        }
        while offset + 8 <= bytes.count {
            let length = uint32(at: offset)
            let type = String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self)
            let data = offset + 8
            guard length <= bytes.count - data else {
                // Any chunk but the image data is read whole: libpng allocates (and clears) what it
                // claims first, so a 10 KB file whose zTXt claimed 1.97 GB took 5 s (found by fuzzing).
                // Image data cut short is a truncated file, which decoding reports as such.
                if type == "IDAT" { break }
                throw corrupt("its \(type) chunk claims \(length) bytes, more than the file holds (\(bytes.count - data))")
            }
            switch type {
            case "IHDR" where length >= 13:
                header.width = uint32(at: data)
                header.height = uint32(at: data + 4)
                header.bitDepth = Int(bytes[data + 8])
                header.colorType = Int(bytes[data + 9])
                sawHeader = true
            case "PLTE":
                let entries = length / 3
                header.grayPalette = (0..<entries).allSatisfy { entry in
                    let base = data + entry * 3
                    return bytes[base] == bytes[base + 1] && bytes[base + 1] == bytes[base + 2]
                }
            case "tRNS":
                header.hasTransparency = true
            case "pHYs" where length >= 9:
                if bytes[data + 8] == 1 {  // unit: metre (0 means aspect ratio only)
                    let x = uint32(at: data)
                    let y = uint32(at: data + 4)
                    if x > 0 { header.pixelsPerMetreX = x }
                    if y > 0 { header.pixelsPerMetreY = y }
                }
            case "IDAT", "IEND":
                offset = bytes.count  // everything needed comes before the image data
                continue
            default:
                break
            }
            offset = data + length + 4
        }
        guard sawHeader else { throw corrupt("the PNG has no valid header chunk (IHDR)") }
        return header
    }

    private static func message(of image: png_image) -> String {
        withUnsafeBytes(of: image.message) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
    }

    private func corrupt(_ what: String, libpng: String = "") -> ImagingError {
        ImagingError(
            file: path, kind: .corrupt,
            reason: "\(what): the PNG data is damaged or truncated"
                + (libpng.isEmpty ? "" : " (libpng: \(libpng))") + "; rescan or re-export the file")
    }
}
