import SohoaCatalog
import XCTest

@testable import SohoaServer

/// Text put into HTML has `&`, `<`, `>`, `"` and `'` escaped and every other character kept as it is.
final class HTMLEscapeTests: XCTestCase {
    func testEscapingReplacesTheFiveCharactersOnly() {
        XCTAssertEqual(HTML.escape(#"<b title="x">Đà & 'Nẵng'</b>"#), "&lt;b title=&quot;x&quot;&gt;Đà &amp; &#39;Nẵng&#39;&lt;/b&gt;")
        XCTAssertEqual(HTML.escape("Thư viện 漢喃 🙂 Vie\u{323}\u{302}t"), "Thư viện 漢喃 🙂 Vie\u{323}\u{302}t")
        XCTAssertEqual(HTML.escape("&&"), "&amp;&amp;")
        XCTAssertEqual(HTML.escape(""), "")
        let word = "<Huế>"
        let html: HTML = "<p title=\"\(word)\">\(word) \(3)</p>"
        XCTAssertEqual(html.markup, "<p title=\"&lt;Huế&gt;\">&lt;Huế&gt; 3</p>")
    }

    func testSnippetMarksEachHighlightAndEscapesTheText() {
        let snippet = "…a <b> Đà Nẵng & \"Huế\""
        let ranges = ["<b>", "Đà Nẵng", "Huế"].compactMap { snippet.range(of: $0) }
        let hit = SearchHit(
            itemID: "x", itemTitle: nil, pageID: 1, pageName: "0001", sequence: 1, snippet: snippet, highlights: ranges, score: 0)
        XCTAssertEqual(
            SnippetHTML.html(hit).markup, "…a <mark>&lt;b&gt;</mark> <mark>Đà Nẵng</mark> &amp; &quot;<mark>Huế</mark>&quot;")
    }
}
