import Foundation

/// Writes small uncompressed (or pre-compressed) TIFF files byte by byte, to exercise decoder
/// layouts the real scans do not cover (palette, CMYK, tiles, separate planes, alpha, big-endian).
struct TIFFBuilder {
    /// A tag value.
    enum Value {
        case shorts([UInt16])
        case longs([UInt32])
        case rational(UInt32, UInt32)
    }

    /// One page: tags (strip or tile offsets and byte counts are added) and its data chunks.
    struct Page {
        var tags: [UInt16: Value]
        var chunks: [[UInt8]]
        var tiled = false
    }

    var bigEndian = false

    func file(_ pages: [Page]) -> [UInt8] {
        var out: [UInt8] = bigEndian ? [0x4D, 0x4D] : [0x49, 0x49]
        append16(42, to: &out)
        var nextPointer = out.count
        append32(0, to: &out)
        for page in pages {
            var offsets: [UInt32] = []
            for chunk in page.chunks {
                if out.count % 2 == 1 { out.append(0) }
                offsets.append(UInt32(out.count))
                out += chunk
            }
            var tags = page.tags
            tags[page.tiled ? 324 : 273] = .longs(offsets)
            tags[page.tiled ? 325 : 279] = .longs(page.chunks.map { UInt32($0.count) })
            // Out-of-line values first, then the directory.
            var entries: [(tag: UInt16, type: UInt16, count: UInt32, bytes: [UInt8])] = []
            for (tag, value) in tags.sorted(by: { $0.key < $1.key }) {
                var bytes: [UInt8] = []
                switch value {
                case .shorts(let values):
                    for value in values { append16(value, to: &bytes) }
                    entries.append((tag, 3, UInt32(values.count), bytes))
                case .longs(let values):
                    for value in values { append32(value, to: &bytes) }
                    entries.append((tag, 4, UInt32(values.count), bytes))
                case .rational(let numerator, let denominator):
                    append32(numerator, to: &bytes)
                    append32(denominator, to: &bytes)
                    entries.append((tag, 5, 1, bytes))
                }
            }
            var placed: [[UInt8]] = []
            for entry in entries {
                if entry.bytes.count > 4 {
                    if out.count % 2 == 1 { out.append(0) }
                    var pointer: [UInt8] = []
                    append32(UInt32(out.count), to: &pointer)
                    out += entry.bytes
                    placed.append(pointer)
                } else {
                    placed.append(entry.bytes + [UInt8](repeating: 0, count: 4 - entry.bytes.count))
                }
            }
            if out.count % 2 == 1 { out.append(0) }
            patch32(UInt32(out.count), at: nextPointer, in: &out)
            append16(UInt16(entries.count), to: &out)
            for (entry, value) in zip(entries, placed) {
                append16(entry.tag, to: &out)
                append16(entry.type, to: &out)
                append32(entry.count, to: &out)
                out += value
            }
            nextPointer = out.count
            append32(0, to: &out)
        }
        return out
    }

    /// The usual tags of a stripped page with one strip.
    static func tags(
        width: Int, height: Int, bits: [UInt16], photometric: UInt16, compression: UInt16 = 1
    ) -> [UInt16: Value] {
        [
            256: .longs([UInt32(width)]), 257: .longs([UInt32(height)]), 258: .shorts(bits),
            259: .shorts([compression]), 262: .shorts([photometric]), 277: .shorts([UInt16(bits.count)]),
            278: .longs([UInt32(height)]),
        ]
    }

    func append16(_ value: UInt16, to bytes: inout [UInt8]) {
        let ordered = bigEndian ? value.bigEndian : value.littleEndian
        withUnsafeBytes(of: ordered) { bytes += $0 }
    }

    func append32(_ value: UInt32, to bytes: inout [UInt8]) {
        let ordered = bigEndian ? value.bigEndian : value.littleEndian
        withUnsafeBytes(of: ordered) { bytes += $0 }
    }

    private func patch32(_ value: UInt32, at offset: Int, in bytes: inout [UInt8]) {
        var encoded: [UInt8] = []
        append32(value, to: &encoded)
        bytes.replaceSubrange(offset..<(offset + 4), with: encoded)
    }
}
