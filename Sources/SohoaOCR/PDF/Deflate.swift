import CPNG

/// zlib (RFC 1950) compression, the encoding of PDF's `FlateDecode` filter.
enum Deflate {
    /// The zlib-compressed bytes, or nil when zlib fails (out of memory).
    static func compress(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8]? {
        var length = compressBound(uLong(bytes.count))
        var out = [UInt8](repeating: 0, count: Int(length))
        let status = out.withUnsafeMutableBufferPointer { destination in
            bytes.withUnsafeBufferPointer { source in
                compress2(destination.baseAddress, &length, source.baseAddress, uLong(source.count), level)
            }
        }
        guard status == Z_OK else { return nil }
        out.removeSubrange(Int(length)...)
        return out
    }

    /// The zlib-compressed bytes of a string's UTF-8.
    static func compress(_ text: String) -> [UInt8]? {
        compress(Array(text.utf8))
    }

    /// The `count` bytes that `compressed` inflates to, or nil when it does not inflate to exactly that many.
    static func decompress(_ compressed: [UInt8], count: Int) -> [UInt8]? {
        var out = [UInt8](repeating: 0, count: count)
        var length = uLong(count)
        let status = out.withUnsafeMutableBufferPointer { destination in
            compressed.withUnsafeBufferPointer { source in
                uncompress(destination.baseAddress, &length, source.baseAddress, uLong(source.count))
            }
        }
        return status == Z_OK && Int(length) == count ? out : nil
    }
}
