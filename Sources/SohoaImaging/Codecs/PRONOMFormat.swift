import Foundation

/// A file format as the PRONOM registry (The National Archives, UK) names it: its PUID
/// (`fmt/353`), name and version, as recorded in PREMIS `formatRegistry`. Judged by the file's bytes
/// with PRONOM's own signatures for the formats sohoa reads (the head and tail of the file, as
/// signature tools such as DROID and FIDO look at them).
public struct PRONOMFormat: Sendable, Codable, Equatable {
    /// The PRONOM unique identifier, e.g. `fmt/353`.
    public var puid: String
    /// The format's name in PRONOM, e.g. `Tagged Image File Format`.
    public var name: String
    /// The format version in PRONOM (`1.01`), nil when PRONOM gives none.
    public var version: String?

    /// A format given directly.
    public init(puid: String, name: String, version: String? = nil) {
        self.puid = puid
        self.name = name
        self.version = version
    }

    /// Bytes read from the start and the end of a file.
    static let window = 128 * 1024

    /// The format of the file at `url`, or nil when it is not one sohoa reads or cannot be read.
    public static func identify(_ url: URL) -> PRONOMFormat? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: window), let size = try? handle.seekToEnd() else { return nil }
        let tailStart = size > UInt64(window) ? size - UInt64(window) : 0
        guard (try? handle.seek(toOffset: tailStart)) != nil, let tail = try? handle.readToEnd() else { return nil }
        return identify(head: [UInt8](head), tail: [UInt8](tail))
    }

    /// The format of a file whose first and last bytes (up to `window` each) are given.
    static func identify(head: [UInt8], tail: [UInt8]) -> PRONOMFormat? {
        func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + magic.count && Array(head[offset..<offset + magic.count]) == magic
        }
        if starts(Array("II*\0".utf8)) || starts([0x4D, 0x4D, 0x00, 0x2A]) {
            return PRONOMFormat(puid: "fmt/353", name: "Tagged Image File Format")
        }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D] + Array("IHDR".utf8)) {
            return png(head: head, tail: tail)
        }
        if starts([0xFF, 0xD8, 0xFF]) { return jpeg(head: head, tail: tail, starts: starts) }
        if let start = findPDFHeader(head) { return pdf(head: head, tail: tail, header: start) }
        // JP2: the signature box, then a file-type box whose brand or compatibility list names `jp2 `.
        // A raw codestream has no PRONOM signature (FIDO names none), so it gets no id.
        if starts(JPEG2000Boxes.jp2Signature), starts(Array("ftyp".utf8), at: 16), head.count >= 20 {
            let lengthBytes = head[12..<16].reduce(0) { $0 << 8 | Int($1) }
            let brands = head[20..<min(head.count, 12 + max(lengthBytes, 8))]
            if contains(Array("jp2 ".utf8), in: Array(brands)) {
                return PRONOMFormat(puid: "x-fmt/392", name: "JP2 (JPEG 2000 part 1)")
            }
        }
        return nil
    }

    /// PNG 1.2 (an `iTXt` chunk), 1.1 (`iCCP`, `sPLT` or `sRGB`) or 1.0, each ending with `IEND`.
    private static func png(head: [UInt8], tail: [UInt8]) -> PRONOMFormat? {
        let end: [UInt8] = [0, 0, 0, 0] + Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82]
        let endsExactly = tail.count >= end.count && Array(tail.suffix(end.count)) == end
        let body = Array(head.dropFirst(16))
        if endsExactly, contains(Array("iTXt".utf8), in: body) {
            return PRONOMFormat(puid: "fmt/13", name: "Portable Network Graphics", version: "1.2")
        }
        if endsExactly, ["iCCP", "sPLT", "sRGB"].contains(where: { contains(Array($0.utf8), in: body) }) {
            return PRONOMFormat(puid: "fmt/12", name: "Portable Network Graphics", version: "1.1")
        }
        // PNG 1.0 allows up to four stray bytes after IEND.
        let last = Array(tail.suffix(end.count + 4))
        guard contains(end, in: last) else { return nil }
        return PRONOMFormat(puid: "fmt/11", name: "Portable Network Graphics", version: "1.0")
    }

    /// JFIF 1.00–1.02 (APP0 first), EXIF 2.2.1 (APP1 first, ExifVersion 0221), else raw JPEG; each
    /// with an end-of-image marker in its last 64 KB.
    private static func jpeg(head: [UInt8], tail: [UInt8], starts: ([UInt8], Int) -> Bool) -> PRONOMFormat? {
        guard contains([0xFF, 0xD9], in: Array(tail.suffix(65_536 + 2))) else { return nil }
        if starts([0xFF, 0xD8, 0xFF, 0xE0], 0), starts(Array("JFIF\0".utf8) + [0x01], 6), head.count > 13, head[13] <= 2 {
            switch head[12] {
            case 0: return PRONOMFormat(puid: "fmt/42", name: "JPEG File Interchange Format", version: "1.00")
            case 1: return PRONOMFormat(puid: "fmt/43", name: "JPEG File Interchange Format", version: "1.01")
            case 2: return PRONOMFormat(puid: "fmt/44", name: "JPEG File Interchange Format", version: "1.02")
            default: break
            }
        }
        if starts([0xFF, 0xD8, 0xFF, 0xE1], 0), starts(Array("Exif\0\0".utf8), 6) {
            let big = starts([0x4D, 0x4D, 0x00, 0x2A], 12), little = starts(Array("II*\0".utf8), 12)
            let version: [UInt8] =
                big
                ? [0x90, 0x00, 0x00, 0x07, 0x00, 0x00, 0x00, 0x04] + Array("0221".utf8)
                : [0x00, 0x90, 0x07, 0x00, 0x04, 0x00, 0x00, 0x00] + Array("0221".utf8)
            if big || little, contains(version, in: Array(head.dropFirst(16))) {
                return PRONOMFormat(puid: "fmt/645", name: "Exchangeable Image File Format (Compressed)", version: "2.2.1")
            }
        }
        return PRONOMFormat(puid: "fmt/41", name: "Raw JPEG Stream")
    }

    /// PDF/A-1, -2, -3 (XMP `pdfaid:part` and `pdfaid:conformance`) and PDF/X-3:2002 (`GTS_PDFXVersion`)
    /// before the version from the header (`%PDF-1.4` → `fmt/18`); an end-of-file marker in the last
    /// 1,024 bytes, as PRONOM's signatures require.
    private static func pdf(head: [UInt8], tail: [UInt8], header: Int) -> PRONOMFormat? {
        guard contains(Array("%%EOF".utf8), in: Array(tail.suffix(1024))) else { return nil }
        let text = String(decoding: head + tail, as: UTF8.self)
        if let part = text.firstMatch(of: /pdfaid:part(?:="|>)([1-3])/)?.output.1,
            let level = text.firstMatch(of: /pdfaid:conformance(?:="|>)([ABUabu])/)?.output.1
        {
            let ids = [
                "1A": "fmt/95", "1B": "fmt/354", "2A": "fmt/476", "2B": "fmt/477", "2U": "fmt/478", "3A": "fmt/479", "3B": "fmt/480",
                "3U": "fmt/481",
            ]
            let key = "\(part)\(level.uppercased())"
            if let puid = ids[key] {
                return PRONOMFormat(puid: puid, name: "Acrobat PDF/A - Portable Document Format", version: key.lowercased())
            }
        }
        if text.contains("GTS_PDFXVersion>PDF/X-3:2002<") || text.contains("GTS_PDFXVersion(PDF/X-3:2002)") {
            return PRONOMFormat(puid: "fmt/158", name: "Acrobat PDF/X - Portable Document Format - Exchange 3:2002")
        }
        let versions = [
            "1.0": "fmt/14", "1.1": "fmt/15", "1.2": "fmt/16", "1.3": "fmt/17", "1.4": "fmt/18", "1.5": "fmt/19", "1.6": "fmt/20",
            "1.7": "fmt/276", "2.0": "fmt/1129",
        ]
        let versionStart = header + 5
        guard head.count >= versionStart + 3 else { return nil }
        let version = String(decoding: head[versionStart..<versionStart + 3], as: UTF8.self)
        guard let puid = versions[version] else { return nil }
        return PRONOMFormat(puid: puid, name: "Acrobat PDF \(version) - Portable Document Format", version: version)
    }

    /// Where `%PDF-` starts within the first 1,024 bytes (readers accept junk before it).
    private static func findPDFHeader(_ head: [UInt8]) -> Int? {
        let magic = Array("%PDF-".utf8)
        let window = Array(head.prefix(1024))
        guard window.count >= magic.count else { return nil }
        return (0...(window.count - magic.count)).first { Array(window[$0..<$0 + magic.count]) == magic }
    }

    private static func contains(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        let first = needle[0]
        var index = 0
        while index <= haystack.count - needle.count {
            if haystack[index] == first, Array(haystack[index..<index + needle.count]) == needle { return true }
            index += 1
        }
        return false
    }
}
