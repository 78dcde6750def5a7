import SohoaArchive
import SohoaText

/// Rewrites a page's hOCR after a correction: the document's head and page element stay as they
/// were (what recognized the page, the image, its size), its areas, lines and words are those of the
/// corrected ALTO (the same master-pixel boxes), so hOCR and ALTO never disagree.
enum HOCRRevision {
    /// `hocr` with its page's content replaced by `alto`'s blocks, lines and words.
    static func revise(_ hocr: String, file: String, alto: ALTOPage) throws(DerivativeError) -> String {
        guard let pageStart = hocr.range(of: "class=\"ocr_page\""),
            let pageLineEnd = hocr[pageStart.upperBound...].firstIndex(of: "\n")
        else { throw DerivativeError(file: file, reason: "has no ocr_page element: not an hOCR page sohoa wrote") }
        let head = hocr[..<hocr.index(after: pageLineEnd)]
        let number = Self.pageNumber(in: hocr[pageStart.upperBound..<pageLineEnd]) ?? "1"
        let language = Self.attribute("lang", in: hocr[..<pageStart.lowerBound]) ?? "vi"
        var html = String(head)
        var lineNumber = 0, wordNumber = 0
        for (blockIndex, block) in alto.blocks.enumerated() {
            let boxes = block.lines.map(\.box)
            html += "   <div class=\"ocr_carea\" id=\"block_\(number)_\(blockIndex + 1)\" title=\"\(bbox(union(boxes)))\">\n"
            html +=
                "    <p class=\"ocr_par\" id=\"par_\(number)_\(blockIndex + 1)_1\" lang=\"\(language)\" title=\"\(bbox(union(boxes)))\">\n"
            for line in block.lines {
                lineNumber += 1
                html += "     <span class=\"ocr_line\" id=\"line_\(number)_\(lineNumber)\" title=\"\(bbox(line.box))\">"
                for (index, word) in line.words.enumerated() {
                    wordNumber += 1
                    let confidence = word.confidence.map { "; x_wconf \(Int((min(1, max(0, $0)) * 100).rounded()))" } ?? ""
                    html += index == 0 ? "\n      " : " \n      "
                    html +=
                        "<span class=\"ocrx_word\" id=\"word_\(number)_\(wordNumber)\" title=\"\(bbox(word.box))\(confidence)\">\(XMLText.escape(word.content))</span>"
                }
                html += "\n     </span>\n"
            }
            html += "    </p>\n   </div>\n"
        }
        html += "  </div>\n </body>\n</html>\n"
        return html
    }

    /// The `N` of the page element's `id="page_N"`.
    private static func pageNumber(in element: Substring) -> Substring? {
        guard let id = element.range(of: "id=\"page_") else { return nil }
        let digits = element[id.upperBound...].prefix(while: \.isNumber)
        return digits.isEmpty ? nil : digits
    }

    /// The value of `name="…"` in `text`, if there.
    private static func attribute(_ name: String, in text: Substring) -> String? {
        guard let start = text.range(of: " \(name)=\""), let end = text[start.upperBound...].firstIndex(of: "\"") else { return nil }
        return String(text[start.upperBound..<end])
    }

    private static func union(_ boxes: [ALTOPage.Box]) -> ALTOPage.Box {
        guard let first = boxes.first else { return ALTOPage.Box(x: 0, y: 0, width: 0, height: 0) }
        var left = first.x, top = first.y, right = first.right, bottom = first.y + first.height
        for box in boxes.dropFirst() {
            left = min(left, box.x)
            top = min(top, box.y)
            right = max(right, box.right)
            bottom = max(bottom, box.y + box.height)
        }
        return ALTOPage.Box(x: left, y: top, width: right - left, height: bottom - top)
    }

    private static func bbox(_ box: ALTOPage.Box) -> String {
        "bbox \(box.x) \(box.y) \(box.right) \(box.y + box.height)"
    }
}
