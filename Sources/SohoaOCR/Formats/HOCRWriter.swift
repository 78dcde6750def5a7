import Foundation
import SohoaImaging

/// Writes a page's text as an hOCR 1.2 XHTML document whose boxes are the master image's pixels.
public enum HOCRWriter {
    /// The hOCR document for one page; every box is mapped onto the master with `transform`.
    public static func document(page: PageText, transform: PageTransform, context: OCROutputContext) -> String {
        let language = context.primaryLanguage.xmlEscaped
        let system = "\(context.softwareName) \(context.softwareVersion) (Tesseract \(context.engineVersion))".xmlEscaped
        let image = context.imageFileName.replacingOccurrences(of: "\"", with: "'")
            .replacingOccurrences(of: ";", with: ",")
        let resolution = context.masterDPI.map { "; scan_res \($0) \($0)" } ?? ""
        let pageID = "page_\(context.pageNumber)"
        var html = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
            <html xmlns="http://www.w3.org/1999/xhtml" xml:lang="\(language)" lang="\(language)">
             <head>
              <title>\(context.pageID.xmlEscaped)</title>
              <meta http-equiv="Content-Type" content="text/html;charset=utf-8"/>
              <meta name="ocr-system" content="\(system)"/>
              <meta name="ocr-capabilities" content="ocr_page ocr_carea ocr_par ocr_line ocrx_word ocrp_wconf ocrp_lang"/>
              <meta name="ocr-langs" content="\(context.language.replacingOccurrences(of: "+", with: " ").xmlEscaped)"/>
              <meta name="ocr-number-of-pages" content="1"/>
             </head>
             <body>
              <div class="ocr_page" id="\(pageID)" title="\("image \"\(image)\"; bbox 0 0 \(transform.masterWidth) \(transform.masterHeight); ppageno \(max(0, context.pageNumber - 1))\(resolution)".xmlEscaped)">

            """
        var lineNumber = 0, wordNumber = 0
        for (blockIndex, block) in page.blocks.enumerated() {
            html +=
                "   <div class=\"ocr_carea\" id=\"block_\(context.pageNumber)_\(blockIndex + 1)\" title=\"\(bbox(transform.toMaster(block.box)))\">\n"
            for (paragraphIndex, paragraph) in block.paragraphs.enumerated() {
                html +=
                    "    <p class=\"ocr_par\" id=\"par_\(context.pageNumber)_\(blockIndex + 1)_\(paragraphIndex + 1)\" lang=\"\(language)\" title=\"\(bbox(transform.toMaster(paragraph.box)))\">\n"
                for line in paragraph.lines {
                    lineNumber += 1
                    html +=
                        "     <span class=\"ocr_line\" id=\"line_\(context.pageNumber)_\(lineNumber)\" title=\"\(bbox(transform.toMaster(line.box)))\">"
                    for (index, word) in line.words.enumerated() {
                        wordNumber += 1
                        let confidence = Int(min(100, max(0, word.confidence.isFinite ? word.confidence : 0)).rounded())
                        html += index == 0 ? "\n      " : " \n      "
                        html +=
                            "<span class=\"ocrx_word\" id=\"word_\(context.pageNumber)_\(wordNumber)\" title=\"\(bbox(transform.toMaster(word.box))); x_wconf \(confidence)\">\(word.text.xmlEscaped)</span>"
                    }
                    html += "\n     </span>\n"
                }
                html += "    </p>\n"
            }
            html += "   </div>\n"
        }
        html += """
              </div>
             </body>
            </html>

            """
        return html
    }

    private static func bbox(_ box: BoundingBox) -> String {
        "bbox \(box.x) \(box.y) \(box.x + box.width) \(box.y + box.height)"
    }
}
