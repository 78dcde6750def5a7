import Foundation
import SohoaImaging

/// Writes a page's text as an ALTO 4.4 document whose coordinates are the master image's pixels.
public enum ALTOWriter {
    /// The ALTO v4 namespace.
    public static let namespace = "http://www.loc.gov/standards/alto/ns-v4#"

    /// The ALTO XML for one page; every box is mapped onto the master with `transform`.
    public static func document(page: PageText, transform: PageTransform, context: ALTOContext) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <alto xmlns="\(namespace)" xmlns:xlink="http://www.w3.org/1999/xlink" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="\(namespace) http://www.loc.gov/alto/v4/alto-4-4.xsd" SCHEMAVERSION="4.4">
              <Description>
                <MeasurementUnit>pixel</MeasurementUnit>
                <sourceImageInformation>
                  <fileName>\(context.imageFileName.xmlEscaped)</fileName>
                </sourceImageInformation>
                <OCRProcessing ID="OCR_0">
                  <ocrProcessingStep>
                    <processingCategory>contentGeneration</processingCategory>
                    <processingDateTime>\(context.date.formatted(.iso8601))</processingDateTime>
                    <processingStepSettings>language=\(context.language.xmlEscaped); oem=LSTM; psm=auto</processingStepSettings>
                    <processingSoftware>
                      <softwareName>Tesseract</softwareName>
                      <softwareVersion>\(context.engineVersion.xmlEscaped)</softwareVersion>
                    </processingSoftware>
                  </ocrProcessingStep>
                  <postProcessingStep>
                    <processingCategory>postOperation</processingCategory>
                    <processingStepDescription>coordinates mapped onto the master image; ALTO written</processingStepDescription>
                    <processingSoftware>
                      <softwareName>\(context.softwareName.xmlEscaped)</softwareName>
                      <softwareVersion>\(context.softwareVersion.xmlEscaped)</softwareVersion>
                    </processingSoftware>
                  </postProcessingStep>
                </OCRProcessing>
              </Description>
              <Layout>
                <Page ID="\(context.pageID.xmlID(prefix: "page_").xmlEscaped)" PHYSICAL_IMG_NR="\(context.pageNumber)" \
            WIDTH="\(transform.masterWidth)" HEIGHT="\(transform.masterHeight)">
                  <PrintSpace HPOS="0" VPOS="0" WIDTH="\(transform.masterWidth)" HEIGHT="\(transform.masterHeight)">

            """
        let language = context.primaryLanguage.xmlEscaped
        var blockNumber = 0, lineNumber = 0, wordNumber = 0
        for paragraph in page.blocks.flatMap(\.paragraphs) {
            blockNumber += 1
            xml += "        <TextBlock ID=\"block_\(blockNumber)\"\(position(transform.toMaster(paragraph.box))) LANG=\"\(language)\">\n"
            for line in paragraph.lines {
                lineNumber += 1
                let lineBox = transform.toMaster(line.box)
                xml += "          <TextLine ID=\"line_\(lineNumber)\"\(position(lineBox))>\n"
                var previous: BoundingBox?
                for word in line.words {
                    wordNumber += 1
                    let box = transform.toMaster(word.box)
                    if let previous {
                        let start = previous.x + previous.width
                        xml +=
                            start < box.x
                            ? "            <SP HPOS=\"\(start)\" VPOS=\"\(lineBox.y)\" WIDTH=\"\(box.x - start)\"/>\n"
                            : "            <SP/>\n"
                    }
                    xml +=
                        "            <String ID=\"string_\(wordNumber)\"\(position(box)) CONTENT=\"\(word.text.xmlEscaped)\" WC=\"\(wordConfidence(word.confidence))\"/>\n"
                    previous = box
                }
                xml += "          </TextLine>\n"
            }
            xml += "        </TextBlock>\n"
        }
        xml += """
                  </PrintSpace>
                </Page>
              </Layout>
            </alto>

            """
        return xml
    }

    private static func position(_ box: BoundingBox) -> String {
        " HPOS=\"\(box.x)\" VPOS=\"\(box.y)\" WIDTH=\"\(box.width)\" HEIGHT=\"\(box.height)\""
    }

    /// A 0–100 confidence as ALTO's 0–1 `WC` with two decimals.
    static func wordConfidence(_ confidence: Double) -> String {
        let hundredths = Int(min(100, max(0, confidence.isFinite ? confidence : 0)).rounded())
        if hundredths == 100 { return "1" }
        if hundredths == 0 { return "0" }
        return hundredths < 10 ? "0.0\(hundredths)" : "0.\(hundredths)"
    }
}
