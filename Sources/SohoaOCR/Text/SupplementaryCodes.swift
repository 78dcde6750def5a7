/// Codes for characters outside Unicode's Basic Multilingual Plane (CJK Extension B for Hán-Nôm,
/// say) in the glyphless font, where every other character's code is its UTF-16 code unit.
///
/// A two-byte code cannot carry a surrogate pair, so each such character gets one of the 2048
/// codes of the surrogate range (never a character by itself), in order of first use; the
/// ToUnicode CMap maps it back. Beyond 2048 distinct characters a document gets U+FFFD.
struct SupplementaryCodes {
    private var byScalar: [UInt32: UInt16] = [:]
    /// Allocated codes and their characters, in code order.
    private(set) var assigned: [(code: UInt16, scalar: Unicode.Scalar)] = []

    /// The code of `scalar`: its UTF-16 unit in the BMP, else an allocated surrogate-range code.
    mutating func code(for scalar: Unicode.Scalar) -> UInt16 {
        if scalar.value < 0x1_0000 { return UInt16(scalar.value) }
        if let known = byScalar[scalar.value] { return known }
        guard assigned.count < 0x800 else { return 0xFFFD }
        let code = UInt16(0xD800 + assigned.count)
        byScalar[scalar.value] = code
        assigned.append((code, scalar))
        return code
    }
}
