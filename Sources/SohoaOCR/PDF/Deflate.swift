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

    /// A page image's samples zlib-compressed for speed: level 1 with zlib's run-length strategy
    /// (`Z_RLE`: only repeats of the previous byte). On scanned pages, where long matches are rare
    /// outside runs of paper, that is about a quarter less CPU than plain level 1 and a tenth smaller
    /// (the normalized images of the 40 throughput pages: 13.0 → 11.4 MB, smaller than level 6).
    /// Any inflater reads it; nil when zlib fails (out of memory).
    static func compressImage(_ bytes: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        let ready = deflateInit2_(
            &stream, 1, Z_DEFLATED, MAX_WBITS, 8, Z_RLE, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard ready == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))))
        let status = out.withUnsafeMutableBufferPointer { destination in
            bytes.withUnsafeBufferPointer { source in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = destination.baseAddress
                stream.avail_out = uInt(destination.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        out.removeSubrange(Int(stream.total_out)...)
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
