import Foundation
import SohoaText

/// The codes a PDF's glyphless font gives characters outside the Basic Multilingual Plane (rare Hán
/// Nôm characters, say): BMP characters are their own UTF-16 code, the others get codes from the
/// surrogate range, listed in the font's ToUnicode map. Read from the map, extended as needed.
struct SupplementaryMap {
    private var byScalar: [UInt32: UInt16] = [:]
    private var next: UInt16 = 0xD800
    /// Codes given here, not yet in the map.
    private(set) var added: [(code: UInt16, scalar: Unicode.Scalar)] = []

    /// The supplementary codes the ToUnicode `cmap` already lists (`<D8xx> <…>` entries of `bfchar`).
    init(cmap: String) {
        var inCharacters = false
        for line in cmap.split(separator: "\n") {
            if line.hasSuffix("beginbfchar") { inCharacters = true } else if line == "endbfchar" { inCharacters = false }
            guard inCharacters else { continue }
            let parts = line.split(separator: " ")
            guard parts.count == 2, parts[0].count == 6, parts[0].hasPrefix("<D") || parts[0].hasPrefix("<d"),
                let code = UInt16(parts[0].dropFirst().dropLast(), radix: 16)
            else { continue }
            let hex = parts[1].dropFirst().dropLast()
            let units = stride(from: 0, to: hex.count - 3, by: 4).compactMap { offset -> UInt16? in
                let start = hex.index(hex.startIndex, offsetBy: offset)
                return UInt16(hex[start..<hex.index(start, offsetBy: 4)], radix: 16)
            }
            guard let scalar = String(decoding: units, as: UTF16.self).unicodeScalars.first else { continue }
            byScalar[scalar.value] = code
            next = max(next, code &+ 1)
        }
    }

    /// The code of `scalar`, given a new one (and remembered in `added`) when it has none yet.
    mutating func code(for scalar: Unicode.Scalar) -> UInt16 {
        if scalar.value < 0x1_0000 { return UInt16(scalar.value) }
        if let known = byScalar[scalar.value] { return known }
        guard next < 0xE000 else { return 0xFFFD }
        let code = next
        next += 1
        byScalar[scalar.value] = code
        added.append((code, scalar))
        return code
    }

    /// `cmap` with the added codes listed before its `endcmap`.
    func extending(_ cmap: String) -> String {
        guard !added.isEmpty, let end = cmap.range(of: "endcmap") else { return cmap }
        var entries = ""
        for chunk in stride(from: 0, to: added.count, by: 100) {
            let part = added[chunk..<min(chunk + 100, added.count)]
            entries += "\(part.count) beginbfchar\n"
            for (code, scalar) in part {
                let units = String(scalar).utf16.map(PDFText.hex).joined()
                entries += "<\(PDFText.hex(code))> <\(units)>\n"
            }
            entries += "endbfchar\n"
        }
        return cmap.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: entries)
    }
}
