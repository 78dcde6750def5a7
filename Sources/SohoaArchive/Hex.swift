/// Lowercase hexadecimal encoding of digests (the archive's, and the server's visit keys and upload
/// checksums).
public enum Hex {
    @usableFromInline static let digits = Array("0123456789abcdef".utf8)

    /// Lowercase hex of a byte sequence.
    @inlinable
    public static func string<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(128)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
