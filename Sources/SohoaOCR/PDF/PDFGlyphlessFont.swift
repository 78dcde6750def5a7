import Foundation
import SohoaText

/// The invisible-text font of searchable PDFs, as Tesseract's own PDF renderer builds it: a Type0
/// font with Identity-H encoding over a CIDFontType2 whose every CID maps to the single glyph of
/// tessdata's `pdf.ttf`, with a ToUnicode CMap that maps each CID to the same UTF-16 code unit.
/// Text is therefore written as UTF-16BE code units and extracted back exactly; characters outside
/// the Basic Multilingual Plane get codes from the surrogate range (`SupplementaryCodes`), mapped
/// in the ToUnicode CMap that is written when the document is finished.
enum PDFGlyphlessFont {
    /// The font's name in a page's resources.
    static let resourceName = "f-0-0"
    /// Advance width of every glyph in thousandths of an em.
    static let glyphWidth = 500

    /// The number of the ToUnicode CMap object when the font starts at `first`; it is written last,
    /// by `toUnicodeObject(codes:)`.
    static func toUnicodeNumber(first: Int) -> Int { first + 3 }

    /// The font's objects but the ToUnicode CMap, numbered from `first`: Type0 font (`first`),
    /// CIDFont, CIDToGIDMap, FontDescriptor, FontFile2. Returns nil when zlib fails.
    static func objects(first: Int, fontFile: [UInt8]) -> [(number: Int, bytes: [UInt8])]? {
        let cidFont = first + 1, cidToGID = first + 2, toUnicode = first + 3, descriptor = first + 4, file = first + 5
        // Every CID (0…65535) maps to glyph 1, two bytes big-endian each.
        var map = [UInt8](repeating: 0, count: 2 * 65_536)
        for index in stride(from: 1, to: map.count, by: 2) { map[index] = 1 }
        guard let deflatedMap = Deflate.compress(map) else { return nil }
        return [
            (
                first,
                dictionary(
                    """
                    << /Type /Font /Subtype /Type0 /BaseFont /GlyphLessFont /Encoding /Identity-H \
                    /DescendantFonts [ \(cidFont) 0 R ] /ToUnicode \(toUnicode) 0 R >>
                    """)
            ),
            (
                cidFont,
                dictionary(
                    """
                    << /Type /Font /Subtype /CIDFontType2 /BaseFont /GlyphLessFont \
                    /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> \
                    /FontDescriptor \(descriptor) 0 R /CIDToGIDMap \(cidToGID) 0 R /DW \(glyphWidth) >>
                    """)
            ),
            (cidToGID, stream("/Filter /FlateDecode", deflatedMap)),
            (
                descriptor,
                dictionary(
                    """
                    << /Type /FontDescriptor /FontName /GlyphLessFont /Flags 5 /FontBBox [ 0 0 \(glyphWidth) 1000 ] \
                    /ItalicAngle 0 /Ascent 1000 /Descent -1 /CapHeight 1000 /StemV 80 /FontFile2 \(file) 0 R >>
                    """)
            ),
            (file, stream("/Length1 \(fontFile.count)", fontFile)),
        ]
    }

    /// The ToUnicode CMap stream object's body, or nil when zlib fails.
    static func toUnicodeObject(codes: SupplementaryCodes) -> [UInt8]? {
        Deflate.compress(toUnicodeCMap(codes: codes)).map { stream("/Filter /FlateDecode", $0) }
    }

    /// Maps every 2-byte code outside the surrogate range to the same UTF-16 code unit, in ranges
    /// that each stay within one high byte as the CMap specification asks of `bfrange`, and each
    /// allocated surrogate-range code to its supplementary character.
    static func toUnicodeCMap(codes: SupplementaryCodes) -> String {
        var cmap = """
            /CIDInit /ProcSet findresource begin
            12 dict begin
            begincmap
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
            /CMapName /Adobe-Identity-UCS def
            /CMapType 2 def
            1 begincodespacerange
            <0000> <FFFF>
            endcodespacerange

            """
        let highBytes = Array(0..<0xD8) + Array(0xE0..<0x100)
        for chunk in stride(from: 0, to: highBytes.count, by: 100) {
            let part = highBytes[chunk..<min(chunk + 100, highBytes.count)]
            cmap += "\(part.count) beginbfrange\n"
            for high in part {
                let hh = PDFText.hex(UInt16(high)).suffix(2)
                cmap += "<\(hh)00> <\(hh)FF> <\(hh)00>\n"
            }
            cmap += "endbfrange\n"
        }
        let characters = codes.assigned
        for chunk in stride(from: 0, to: characters.count, by: 100) {
            let part = characters[chunk..<min(chunk + 100, characters.count)]
            cmap += "\(part.count) beginbfchar\n"
            for (code, scalar) in part {
                let units = String(scalar).utf16.map(PDFText.hex).joined()
                cmap += "<\(PDFText.hex(code))> <\(units)>\n"
            }
            cmap += "endbfchar\n"
        }
        cmap += """
            endcmap
            CMapName currentdict /CMap defineresource pop
            end
            end

            """
        return cmap
    }

    /// Four uppercase hex digits.
    static func dictionary(_ text: String) -> [UInt8] {
        Array((text + "\n").utf8)
    }

    /// A stream object's body: the dictionary (with `/Length`) and the data.
    static func stream(_ entries: String, _ data: [UInt8]) -> [UInt8] {
        Array("<< /Length \(data.count) \(entries) >>\nstream\n".utf8) + data + Array("\nendstream\n".utf8)
    }
}
