import Foundation
import SohoaArchive

extension IIIFTextLine {
    /// The text lines of the ALTO document in `data` (its `TextLine` boxes and words, in master pixels),
    /// in reading order; lines without text or without a box are left out. Throws `serverError` when the
    /// document is not UTF-8 XML sohoa can read (an encoding the XML parser crashes on is refused first).
    public static func lines(inALTO data: Data) throws(IIIFError) -> [IIIFTextLine] {
        let page: ALTOPage
        do {
            page = try ALTOPage(parsing: String(decoding: try XMLPreflight.utf8(data), as: UTF8.self))
        } catch let refusal as XMLRefusal {
            throw IIIFError(.serverError, "the page's text (ALTO) cannot be read", detail: "the ALTO file \(refusal.reason)")
        } catch {
            throw IIIFError(.serverError, "the page's text (ALTO) cannot be read", detail: "\(error)")
        }
        return page.lines.compactMap { line in
            let text = line.words.map(\.content).filter { !$0.isEmpty }.joined(separator: " ").precomposedStringWithCanonicalMapping
            guard !text.isEmpty, line.box.width > 0, line.box.height > 0 else { return nil }
            return IIIFTextLine(text: text, x: line.box.x, y: line.box.y, width: line.box.width, height: line.box.height)
        }
    }
}
