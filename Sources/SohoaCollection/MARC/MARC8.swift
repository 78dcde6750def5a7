/// MARC-8 (the pre-Unicode MARC character set: ASCII plus ANSEL) to Unicode: ANSEL's special letters
/// (Đ đ Ơ ơ Ư ư …) and combining marks, which MARC-8 writes *before* the letter they modify and
/// Unicode after. Other character sets reached through escape sequences (CJK, Cyrillic, Arabic…) are
/// refused: a register in them should be exported as MARC 21 UCS (UTF-8).
enum MARC8 {
    struct Unsupported: Error {
        var message: String
    }

    /// ANSEL graphic characters (G1 0xA1–0xC8).
    static let specials: [UInt8: Unicode.Scalar] = [
        0xA1: "\u{0141}", 0xA2: "\u{00D8}", 0xA3: "\u{0110}", 0xA4: "\u{00DE}", 0xA5: "\u{00C6}", 0xA6: "\u{0152}",
        0xA7: "\u{02B9}", 0xA8: "\u{00B7}", 0xA9: "\u{266D}", 0xAA: "\u{00AE}", 0xAB: "\u{00B1}", 0xAC: "\u{01A0}",
        0xAD: "\u{01AF}", 0xAE: "\u{02BC}", 0xB0: "\u{02BB}", 0xB1: "\u{0142}", 0xB2: "\u{00F8}", 0xB3: "\u{0111}",
        0xB4: "\u{00FE}", 0xB5: "\u{00E6}", 0xB6: "\u{0153}", 0xB7: "\u{02BA}", 0xB8: "\u{0131}", 0xB9: "\u{00A3}",
        0xBA: "\u{00F0}", 0xBC: "\u{01A1}", 0xBD: "\u{01B0}", 0xC0: "\u{00B0}", 0xC1: "\u{2113}", 0xC2: "\u{2117}",
        0xC3: "\u{00A9}", 0xC4: "\u{266F}", 0xC5: "\u{00BF}", 0xC6: "\u{00A1}", 0xC7: "\u{00DF}", 0xC8: "\u{20AC}",
    ]

    /// ANSEL combining marks (0xE0–0xFE).
    static let combining: [UInt8: Unicode.Scalar] = [
        0xE0: "\u{0309}", 0xE1: "\u{0300}", 0xE2: "\u{0301}", 0xE3: "\u{0302}", 0xE4: "\u{0303}", 0xE5: "\u{0304}",
        0xE6: "\u{0306}", 0xE7: "\u{0307}", 0xE8: "\u{0308}", 0xE9: "\u{030C}", 0xEA: "\u{030A}", 0xEB: "\u{FE20}",
        0xEC: "\u{FE21}", 0xED: "\u{0315}", 0xEE: "\u{030B}", 0xEF: "\u{0310}", 0xF0: "\u{0327}", 0xF1: "\u{0328}",
        0xF2: "\u{0323}", 0xF3: "\u{0324}", 0xF4: "\u{0325}", 0xF5: "\u{0333}", 0xF6: "\u{0332}", 0xF7: "\u{0326}",
        0xF8: "\u{031C}", 0xF9: "\u{032E}", 0xFA: "\u{FE22}", 0xFB: "\u{FE23}", 0xFE: "\u{0313}",
    ]

    /// The Unicode (NFC) text of MARC-8 `bytes`.
    static func decode(_ bytes: some Collection<UInt8>) throws(Unsupported) -> String {
        var scalars = String.UnicodeScalarView()
        var marks: [Unicode.Scalar] = []
        var iterator = bytes.makeIterator()
        while let byte = iterator.next() {
            if byte == 0x1B {
                // ESC ( B and ESC s return to ASCII; anything else switches to a set not handled here.
                let next = iterator.next()
                if next == 0x73 { continue }
                if next == 0x28, iterator.next() == 0x42 { continue }
                throw Unsupported(
                    message: "MARC-8 escape to another character set (ESC \(next.map { String(UnicodeScalar($0)) } ?? "")…); "
                        + "export the register as MARC 21 in UTF-8 (leader/09 = a)")
            }
            if let mark = combining[byte] {
                marks.append(mark)
                continue
            }
            let scalar: Unicode.Scalar
            if byte < 0x80 {
                scalar = Unicode.Scalar(byte)
            } else if let special = specials[byte] {
                scalar = special
            } else {
                throw Unsupported(message: "byte 0x\(String(byte, radix: 16, uppercase: true)) is not a MARC-8 (ANSEL) character")
            }
            scalars.append(scalar)
            scalars.append(contentsOf: marks)
            marks.removeAll()
        }
        scalars.append(contentsOf: marks)
        return String(scalars).precomposedStringWithCanonicalMapping
    }
}
