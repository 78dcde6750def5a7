import Foundation

/// What a file is, judged by its first bytes (never by its extension).
enum FileSignature: Equatable {
    case tiff
    case png
    case jpeg
    case jpeg2000
    case pdf
    case empty
    /// A recognised format sohoa does not read, with a sentence on what to do instead.
    case unsupported(name: String, advice: String)
    case unknown(firstBytes: [UInt8])

    /// Bytes read from the start of a file to decide its format.
    static let prefixLength = 1024

    /// Reads the start of `url` and classifies it.
    static func sniff(_ url: URL) throws(ImagingError) -> FileSignature {
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw ImagingError(
                file: url.path, kind: .unreadable,
                reason:
                    "the file cannot be opened (\(error.localizedDescription)); check that it exists and is readable")
        }
        defer { try? handle.close() }
        let prefix: Data
        do {
            prefix = try handle.read(upToCount: prefixLength) ?? Data()
        } catch {
            throw ImagingError(
                file: url.path, kind: .unreadable,
                reason: "the file cannot be read (\(error.localizedDescription))")
        }
        return classify([UInt8](prefix))
    }

    /// Classifies the first bytes of a file.
    static func classify(_ bytes: [UInt8]) -> FileSignature {
        func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + magic.count && Array(bytes[offset..<offset + magic.count]) == magic
        }
        func ascii(_ text: String, at offset: Int = 0) -> Bool { starts(Array(text.utf8), at: offset) }

        if bytes.isEmpty { return .empty }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A])
            || starts([0x49, 0x49, 0x2B, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2B])
        {
            return .tiff
        }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        // PDF may have junk before the header; readers accept it within the first 1024 bytes.
        if containsPDFHeader(bytes) { return .pdf }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts(JPEG2000Boxes.jp2Signature) || starts(JPEG2000Boxes.codestreamStart) { return .jpeg2000 }
        if ascii("GIF87a") || ascii("GIF89a") {
            return .unsupported(name: "a GIF image", advice: "convert it to PNG or TIFF")
        }
        if ascii("RIFF") && ascii("WEBP", at: 8) {
            return .unsupported(name: "a WebP image", advice: "convert it to PNG or TIFF")
        }
        if ascii("BM") && bytes.count >= 14 {
            return .unsupported(name: "a BMP image", advice: "convert it to PNG or TIFF")
        }
        if bytes.count >= 3, bytes[0] == UInt8(ascii: "P"), (UInt8(ascii: "1")...UInt8(ascii: "7")).contains(bytes[1]),
            [0x20, 0x09, 0x0A, 0x0D].contains(bytes[2])
        {
            let kind: String
            switch bytes[1] {
            case UInt8(ascii: "1"), UInt8(ascii: "4"): kind = "a PBM (Netpbm bitmap) image"
            case UInt8(ascii: "2"), UInt8(ascii: "5"): kind = "a PGM (Netpbm greymap) image"
            case UInt8(ascii: "3"), UInt8(ascii: "6"): kind = "a PPM (Netpbm pixmap) image"
            default: kind = "a PAM (Netpbm) image"
            }
            return .unsupported(name: kind, advice: "convert it to PNG or TIFF (for example with pnmtopng)")
        }
        if starts([0x97, 0x4A, 0x42, 0x32, 0x0D, 0x0A, 0x1A, 0x0A]) {
            return .unsupported(name: "a JBIG2 file", advice: "convert it to a CCITT Group 4 TIFF")
        }
        if ascii("AT&TFORM") {
            return .unsupported(name: "a DjVu document", advice: "export the pages as TIFF")
        }
        if ascii("ftyp", at: 4) {
            return .unsupported(name: "an HEIF/AVIF or MP4-family file", advice: "export the page as TIFF or PNG")
        }
        if starts([0x50, 0x4B, 0x03, 0x04]) {
            return .unsupported(
                name: "a ZIP archive (or an Office document)",
                advice: "unpack it and give sohoa the TIFF or PNG scans inside")
        }
        return .unknown(firstBytes: Array(bytes.prefix(8)))
    }

    private static func containsPDFHeader(_ bytes: [UInt8]) -> Bool {
        let magic = Array("%PDF-".utf8)
        guard bytes.count >= magic.count else { return false }
        for start in 0...(bytes.count - magic.count) where bytes[start] == magic[0] {
            if Array(bytes[start..<start + magic.count]) == magic { return true }
        }
        return false
    }
}
