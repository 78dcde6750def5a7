/// What a JPEG's header segments say besides the pixels: the resolution (JFIF or EXIF), the EXIF
/// orientation, and whether an Adobe segment marks its CMYK samples as inverted.
struct JPEGMarkers: Equatable {
    /// Dots per inch, when the file records a real resolution (not JFIF's aspect ratio only).
    var resolutionX: Double?
    var resolutionY: Double?
    /// EXIF orientation, 1 (upright) to 8; 1 when absent or out of range.
    var orientation = 1
    /// Whether an Adobe APP14 segment is present (Adobe writes CMYK samples inverted).
    var adobe = false
    /// Whether the frame is progressive (SOF2).
    var progressive = false
    /// The size the first frame header (SOF0 to SOF15 but DHT, JPG and DAC) declares, when one comes
    /// before the first scan and the damage.
    var frameWidth: Int?
    var frameHeight: Int?

    /// Whether `marker` starts a frame header (SOF0 to SOF15; C4, C8 and CC are DHT, JPG and DAC).
    static func isFrameHeader(_ marker: UInt8) -> Bool {
        (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC
    }

    /// Reads the segments before the image data; stops at the first scan or on damage.
    init(_ bytes: [UInt8]) {
        var index = 2
        while index + 4 <= bytes.count, bytes[index] == 0xFF {
            let marker = bytes[index + 1]
            if marker == 0xFF {
                index += 1
                continue
            }
            if marker == 0xD8 || (0xD0...0xD7).contains(marker) || marker == 0x01 {
                index += 2
                continue
            }
            let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            guard length >= 2, index + 2 + length <= bytes.count else { return }
            let segment = bytes[(index + 4)..<(index + 2 + length)]
            switch marker {
            case 0xE0: readJFIF(Array(segment))
            case 0xE1: readEXIF(Array(segment))
            case 0xEE: adobe = adobe || Array(segment.prefix(5)) == Array("Adobe".utf8)
            case 0xC2, 0xC6, 0xCA, 0xCE: progressive = true
            case 0xDA: return
            default: break
            }
            if Self.isFrameHeader(marker), frameWidth == nil, segment.count >= 5 {
                let bytes = Array(segment)
                frameHeight = Int(bytes[1]) << 8 | Int(bytes[2])
                frameWidth = Int(bytes[3]) << 8 | Int(bytes[4])
            }
            index += 2 + length
        }
    }

    /// JFIF APP0: `JFIF\0`, version, units (1 per inch, 2 per cm), X and Y density.
    private mutating func readJFIF(_ segment: [UInt8]) {
        guard segment.count >= 12, Array(segment.prefix(5)) == Array("JFIF\0".utf8) else { return }
        let units = segment[7]
        let x = Double(Int(segment[8]) << 8 | Int(segment[9])), y = Double(Int(segment[10]) << 8 | Int(segment[11]))
        guard x > 0, y > 0, units == 1 || units == 2, resolutionX == nil else { return }
        let scale = units == 2 ? 2.54 : 1
        resolutionX = x * scale
        resolutionY = y * scale
    }

    /// EXIF APP1: a TIFF structure whose first directory may hold Orientation (0x0112), XResolution
    /// (0x011A), YResolution (0x011B) and ResolutionUnit (0x0128).
    private mutating func readEXIF(_ segment: [UInt8]) {
        guard segment.count >= 14, Array(segment.prefix(6)) == Array("Exif\0\0".utf8) else { return }
        let tiff = Array(segment.dropFirst(6))
        let little: Bool
        switch (tiff[0], tiff[1]) {
        case (0x49, 0x49): little = true
        case (0x4D, 0x4D): little = false
        default: return
        }
        func u16(_ at: Int) -> Int? {
            guard at >= 0, at + 2 <= tiff.count else { return nil }
            return little ? Int(tiff[at]) | Int(tiff[at + 1]) << 8 : Int(tiff[at]) << 8 | Int(tiff[at + 1])
        }
        func u32(_ at: Int) -> Int? {
            guard let a = u16(at), let b = u16(at + 2) else { return nil }
            return little ? a | b << 16 : a << 16 | b
        }
        func rational(_ at: Int) -> Double? {
            guard let offset = u32(at), let numerator = u32(offset), let denominator = u32(offset + 4), denominator > 0 else {
                return nil
            }
            return Double(numerator) / Double(denominator)
        }
        guard let directory = u32(4), let count = u16(directory) else { return }
        var x: Double?, y: Double?, unit = 2
        for entry in 0..<min(count, 256) {
            let at = directory + 2 + entry * 12
            guard let tag = u16(at) else { break }
            switch tag {
            case 0x0112:
                if let value = u16(at + 8), (1...8).contains(value) { orientation = value }
            case 0x011A: x = rational(at + 8)
            case 0x011B: y = rational(at + 8)
            case 0x0128: unit = u16(at + 8) ?? 2
            default: break
            }
        }
        // EXIF resolution counts only with a real unit; JFIF's (read first) wins when both are given.
        if resolutionX == nil, let x, let y, x > 1, y > 1, unit == 2 || unit == 3 {
            let scale = unit == 3 ? 2.54 : 1
            resolutionX = x * scale
            resolutionY = y * scale
        }
    }
}
