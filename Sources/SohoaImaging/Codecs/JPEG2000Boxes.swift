/// What a JPEG 2000 file's boxes and main codestream header say, read from its bytes without
/// decoding: whether it is a JP2 file or a raw codestream, its capture (or display) resolution,
/// and whether its coding is lossless.
///
/// Lossless means the reversible 5/3 wavelet with no quantization, in the main header (COD, QCD) and
/// in every per-component override (COC, QCC); anything else (the irreversible 9/7 wavelet, scalar
/// quantization) loses detail.
struct JPEG2000Boxes: Equatable {
    /// True for a JP2 file (signature box), false for a raw codestream (`.j2k`).
    var isJP2: Bool
    /// Horizontal and vertical resolution in dots per inch, from the `resc` box (else `resd`).
    var resolutionX: Double?
    var resolutionY: Double?
    /// Whether every component is coded losslessly; nil when the main header could not be read.
    var isLossless: Bool?

    /// The JP2 signature box, as the file's first 12 bytes.
    static let jp2Signature: [UInt8] = [0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20, 0x0D, 0x0A, 0x87, 0x0A]
    /// A raw codestream starts with SOC then SIZ.
    static let codestreamStart: [UInt8] = [0xFF, 0x4F, 0xFF, 0x51]

    /// Reads `bytes` (a whole file, or at least its boxes up to the codestream's first tile).
    init(_ bytes: [UInt8]) {
        isJP2 = bytes.starts(with: Self.jp2Signature)
        if isJP2 {
            var codestream: ArraySlice<UInt8>?
            for box in Self.boxes(bytes[...]) {
                switch box.type {
                case "jp2h":
                    for child in Self.boxes(box.body) where child.type == "res " {
                        let inner = Self.boxes(child.body)
                        let chosen = inner.first { $0.type == "resc" } ?? inner.first { $0.type == "resd" }
                        if let chosen, let (x, y) = Self.resolution(chosen.body) {
                            resolutionX = x
                            resolutionY = y
                        }
                    }
                case "jp2c":
                    if codestream == nil { codestream = box.body }
                default:
                    break
                }
            }
            isLossless = codestream.flatMap(Self.lossless)
        } else {
            isLossless = Self.lossless(bytes[...])
        }
    }

    /// One box: its four-letter type and its contents.
    struct Box {
        var type: String
        var body: ArraySlice<UInt8>
    }

    /// The boxes of `data` in order; stops at the first box whose length does not fit.
    static func boxes(_ data: ArraySlice<UInt8>) -> [Box] {
        var result: [Box] = []
        var position = data.startIndex
        while data.endIndex - position >= 8 {
            var length = Int(be32(data, position))
            let type = String(decoding: data[position + 4..<position + 8], as: UTF8.self)
            var header = 8
            if length == 1 {
                guard data.endIndex - position >= 16 else { break }
                let high = be32(data, position + 8), low = be32(data, position + 12)
                guard high == 0 else { break }
                length = Int(low)
                header = 16
            } else if length == 0 {
                length = data.endIndex - position
            }
            guard length >= header, length <= data.endIndex - position else {
                // A box cut short (a truncated file): its start is still useful for the codestream.
                if type == "jp2c" { result.append(Box(type: type, body: data[(position + header)...])) }
                break
            }
            result.append(Box(type: type, body: data[(position + header)..<(position + length)]))
            position += length
        }
        return result
    }

    /// Grid points per metre → dots per inch, from a `resc`/`resd` box body.
    static func resolution(_ body: ArraySlice<UInt8>) -> (Double, Double)? {
        guard body.count >= 10 else { return nil }
        let start = body.startIndex
        let vn = Double(be16(body, start)), vd = Double(be16(body, start + 2))
        let hn = Double(be16(body, start + 4)), hd = Double(be16(body, start + 6))
        let ve = Int(Int8(bitPattern: body[start + 8])), he = Int(Int8(bitPattern: body[start + 9]))
        guard vd > 0, hd > 0, vn > 0, hn > 0, abs(ve) < 10, abs(he) < 10 else { return nil }
        func perInch(_ n: Double, _ d: Double, _ e: Int) -> Double { n / d * pow10(e) * 0.0254 }
        return (perInch(hn, hd, he), perInch(vn, vd, ve))
    }

    /// Whether the main header of a codestream says lossless coding; nil when it cannot be read.
    static func lossless(_ codestream: ArraySlice<UInt8>) -> Bool? {
        guard codestream.count >= 4, Array(codestream.prefix(4)) == codestreamStart else { return nil }
        var position = codestream.startIndex + 2
        var componentCount = 0
        var reversible: Bool?
        var quantized: Bool?
        var overrideLossy = false
        while codestream.endIndex - position >= 4 {
            let marker = be16(codestream, position)
            if marker == 0xFF90 || marker == 0xFF93 || marker == 0xFFD9 { break }  // SOT, SOD, EOC: header over
            let length = Int(be16(codestream, position + 2))
            guard length >= 2, codestream.endIndex - (position + 2) >= length else { return nil }
            let body = codestream[(position + 4)..<(position + 2 + length)]
            let b = body.startIndex
            switch marker {
            case 0xFF51:  // SIZ: Rsiz, sizes, then Csiz
                guard body.count >= 36 else { return nil }
                componentCount = Int(be16(body, b + 34))
            case 0xFF52:  // COD: Scod, progression, layers(2), MCT, levels, xcb, ycb, style, transform
                guard body.count >= 10 else { return nil }
                reversible = body[b + 9] == 1
            case 0xFF53:  // COC: Ccoc (1 or 2 bytes), Scoc, levels, xcb, ycb, style, transform
                let index = b + (componentCount < 257 ? 1 : 2) + 5
                guard index < body.endIndex else { return nil }
                if body[index] != 1 { overrideLossy = true }
            case 0xFF5C:  // QCD: Sqcd's low 5 bits are the quantization style (0: none)
                guard !body.isEmpty else { return nil }
                quantized = body[b] & 0x1F != 0
            case 0xFF5D:  // QCC: Cqcc (1 or 2 bytes), Sqcc
                let index = b + (componentCount < 257 ? 1 : 2)
                guard index < body.endIndex else { return nil }
                if body[index] & 0x1F != 0 { overrideLossy = true }
            default:
                break
            }
            position += 2 + length
        }
        guard let reversible, let quantized else { return nil }
        return reversible && !quantized && !overrideLossy
    }

    private static func pow10(_ exponent: Int) -> Double {
        var value = 1.0
        for _ in 0..<abs(exponent) { value *= 10 }
        return exponent < 0 ? 1 / value : value
    }

    private static func be16(_ data: ArraySlice<UInt8>, _ at: Int) -> UInt16 {
        UInt16(data[at]) << 8 | UInt16(data[at + 1])
    }

    private static func be32(_ data: ArraySlice<UInt8>, _ at: Int) -> UInt32 {
        UInt32(data[at]) << 24 | UInt32(data[at + 1]) << 16 | UInt32(data[at + 2]) << 8 | UInt32(data[at + 3])
    }
}
