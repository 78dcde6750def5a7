/// A JPEG's bytes without the stray bytes some writers leave between two segments (libjpeg-turbo's
/// "extraneous bytes before marker" warning): the one damage after which the image is still whole.
///
/// Taken out before decoding, so that the decoder can still stop at the first warning of any other kind
/// (libjpeg-turbo reports only the first warning of a decode: one decoded past the stray bytes would
/// hide data that ends early after them).
enum JPEGStrayBytes {
    /// `bytes` with every run of bytes between a segment's end and the next marker taken out, and the
    /// last `beforeEnd` bytes of the coded data that the end-of-image marker follows (libjpeg-turbo's
    /// "N extraneous bytes before marker 0xd9": bytes after the last scan's data, which the decoder
    /// cannot tell from coded data until it has read every row); `nil` when there is nothing to take
    /// out, or when the segments cannot be followed to the end of the image.
    static func removed(from bytes: [UInt8], beforeEnd: Int = 0) -> [UInt8]? {
        guard bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return nil }
        var out: [UInt8] = [0xFF, 0xD8]
        out.reserveCapacity(bytes.count)
        var index = 2
        var removedAny = false
        while index < bytes.count {
            if bytes[index] != 0xFF {
                // Stray bytes: up to the next marker.
                removedAny = true
                while index < bytes.count, bytes[index] != 0xFF { index += 1 }
                continue
            }
            while index + 1 < bytes.count, bytes[index + 1] == 0xFF { index += 1 }  // fill bytes
            guard index + 1 < bytes.count else { return nil }
            let marker = bytes[index + 1]
            if marker == 0xD9 {
                out += [0xFF, 0xD9]
                return removedAny ? out : nil
            }
            if (0xD0...0xD7).contains(marker) || marker == 0x01 {
                out += [0xFF, marker]
                index += 2
                continue
            }
            guard index + 3 < bytes.count else { return nil }
            let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            guard length >= 2, index + 2 + length <= bytes.count else { return nil }
            out += bytes[index..<(index + 2 + length)]
            index += 2 + length
            if marker == 0xDA {
                // The scan's coded data, to the next marker that is not a stuffed zero or a restart.
                let start = index
                while index < bytes.count,
                    !(bytes[index] == 0xFF && index + 1 < bytes.count && bytes[index + 1] != 0x00
                        && !(0xD0...0xD7).contains(bytes[index + 1]))
                {
                    index += 1
                }
                var end = index
                if beforeEnd > 0 {
                    var marker = index
                    while marker + 1 < bytes.count, bytes[marker + 1] == 0xFF { marker += 1 }  // fill bytes
                    if marker + 1 < bytes.count, bytes[marker + 1] == 0xD9 {
                        guard end - start >= beforeEnd else { return nil }
                        end -= beforeEnd
                        removedAny = true
                    }
                }
                out += bytes[start..<end]
            }
        }
        return nil
    }
}
