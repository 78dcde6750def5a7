import Hummingbird
import HummingbirdTesting
import XCTest

@testable import SohoaServer

final class HTMLEscapingTests: XCTestCase {
    func testInterpolatedTextIsEscapedAndHTMLIsNot() {
        let ocr = "<script>alert(\"x\")</script> & 'y'"
        let bold: HTML = "<b>\(ocr)</b>"
        let page: HTML = "<p title=\"\(ocr)\">\(bold)</p>"
        XCTAssertEqual(
            page.markup,
            "<p title=\"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;\">"
                + "<b>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</b></p>")
    }
}

/// Headers every answer carries, and cookies only where no shared cache may keep the answer.
final class ServerHeadersTests: XCTestCase {
    func testPagesGetSecurityHeadersAndShareableAnswersNeverSetCookies() async throws {
        let services = try makeServices(archive: try temporaryArchive(self))
        let app = Application(router: SohoaServerApp.router(services: services))
        try await app.test(.router) { client in
            try await client.execute(uri: "/nothing-here", method: .get) { response in
                XCTAssertEqual(response.status, .notFound)
                XCTAssertEqual(response.headers[.xContentTypeOptions], "nosniff")
                XCTAssertTrue(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") ?? false)
                XCTAssertTrue(String(buffer: response.body).contains("Không tìm thấy"), "errors are plain Vietnamese pages")
            }
            try await client.execute(uri: "//evil.example/login", method: .get) { response in
                XCTAssertFalse(String(buffer: response.body).contains("href=\"//"), "the language switch must stay on this site")
            }
            try await client.execute(uri: "/login", method: .get) { response in
                XCTAssertNotNil(setCookie("sohoa_csrf", in: response), "the sign-in form needs its CSRF cookie")
            }
            for uri in ["/oai?verb=Identify", "/static/sohoa.css", "/iiif/collection/LCH"] {
                try await client.execute(uri: uri, method: .get) { response in
                    XCTAssertEqual(response.headers[values: .setCookie], [], "\(uri) must not set cookies")
                }
            }
            try await client.execute(uri: "/search?q=thu+vien&lang=en", method: .get) { response in
                let body = String(buffer: response.body)
                XCTAssertTrue(body.contains("<html lang=\"en\">"))
                XCTAssertTrue(body.contains("href=\"/search?q=thu+vien&amp;lang=vi\""), "the language switch keeps the search")
                XCTAssertNotNil(setCookie("lang", in: response), "the language choice is remembered")
            }
        }
    }
}
