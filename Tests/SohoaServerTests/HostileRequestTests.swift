import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SohoaCatalog
import XCTest

@testable import SohoaServer

/// Issue 12: no request can crash or starve the server. Hostile numbers in every route's
/// parameters, `Cache-Control` on what is not public, search limits — through the real router.
final class HostileRequestTests: XCTestCase {
    static let password = "Mật khẩu 2025"

    /// Numbers nobody should send: huge, negative, exponent, empty, other scripts' digits, junk.
    static let hostileNumbers = [
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "99999999999999999999999999", "-1", "0", "1e99",
        "", " ", "١٢", "１２", "߁", "NaN", "0x10", "+5", "1.5", "abc", "%00", "'", "<b>", String(repeating: "9", count: 400),
    ]

    /// Every route, with `{}` where a hostile value goes (already percent-encoded there).
    static let routes = [
        "/search?q=thu&page={}", "/search?q=thu&year={}", "/search?q={}", "/review?page={}", "/review?batch={}",
        "/review?section={}&page={}", "/review/{}", "/review/1?page={}&batch={}", "/dashboard?year={}",
        "/dashboard/report?year={}", "/dashboard/report?year=2026&format=csv&table={}", "/items/{}",
        "/items/lich-su-thu-vien/pages/{}/image", "/items/lich-su-thu-vien/pages/{}/text",
        "/oai?verb=ListRecords&metadataPrefix=oai_dc&from={}", "/oai?verb=ListRecords&resumptionToken={}",
        "/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier={}", "/oai?verb={}", "/login?next={}", "/iiif/{}/manifest",
    ]

    private static func archive(_ test: XCTestCase) throws -> PublicTestArchive {
        let archive = try PublicTestArchive()
        test.addTeardownBlock { archive.remove() }
        try addTestUser(archive.services, name: "lan", role: .archivist, password: password)
        try addTestUser(archive.services, name: "an", role: .manager, password: password)
        return archive
    }

    func testHostileNumbersNeverAnswer500() async throws {
        let archive = try Self.archive(self)
        let app = Application(router: SohoaServerApp.router(services: archive.services))
        try await app.test(.router) { client in
            let archivist = try await signIn(client, name: "lan", password: Self.password).cookie
            let manager = try await signIn(client, name: "an", password: Self.password).cookie
            for route in Self.routes {
                for value in Self.hostileNumbers {
                    let uri = route.replacingOccurrences(of: "{}", with: URLPath.queryValue(value))
                    let cookie = route.hasPrefix("/dashboard") ? manager : archivist
                    for headers: HTTPFields in [[:], [.cookie: cookie]] {
                        let response = try await client.execute(uri: uri, method: .get, headers: headers)
                        XCTAssertLessThan(response.status.code, 500, "\(uri) answered \(response.status)")
                    }
                }
            }
        }
    }

    func testOutOfRangeNumbersAre400WithAMessage() async throws {
        let archive = try Self.archive(self)
        let app = Application(router: SohoaServerApp.router(services: archive.services))
        try await app.test(.router) { client in
            let archivist = try await signIn(client, name: "lan", password: Self.password).cookie
            let review = try await client.execute(uri: "/review?page=9223372036854775807", method: .get, headers: [.cookie: archivist])
            XCTAssertEqual(review.status, .badRequest)
            XCTAssertTrue(String(buffer: review.body).contains("&#39;page&#39;") || String(buffer: review.body).contains("'page'"))
            XCTAssertTrue(String(buffer: review.body).contains("10000"), String(buffer: review.body))
            let search = try await client.execute(
                uri: "/search?q=thu&page=1e99", method: .get, headers: [.accept: "application/json"])
            XCTAssertEqual(search.status, .badRequest)
            XCTAssertTrue(String(buffer: search.body).contains("'page'"), String(buffer: search.body))
            for fine in ["/review?page=2", "/review?page=", "/review?batch=7"] {
                let response = try await client.execute(uri: fine, method: .get, headers: [.cookie: archivist])
                XCTAssertEqual(response.status, .ok, fine)
            }
            let lastPage = try await client.execute(uri: "/search?q=thu&page=\(SearchRequest.pageParameter.range.upperBound)", method: .get)
            XCTAssertEqual(lastPage.status, .ok)
        }
    }

    func testBoundedIntReadsOnlyPlainNumbersInRange() throws {
        let page = BoundedInt("page", 1...100)
        XCTAssertEqual(try page.read("7"), 7)
        XCTAssertEqual(try page.read(" 100 "), 100)
        XCTAssertNil(try page.read(nil))
        XCTAssertNil(try page.read("  "))
        for junk in ["0", "101", "-1", "1e2", "١", "9223372036854775808", "7a", "0x1", "1.0"] {
            XCTAssertThrowsError(try page.read(junk), junk) { error in
                XCTAssertEqual((error as? HTTPError)?.status, .badRequest)
            }
        }
    }

    // MARK: - Cache-Control

    func testNothingButPublicFilesMayBeKept() async throws {
        let archive = try Self.archive(self)
        let app = Application(router: SohoaServerApp.router(services: archive.services))
        try await app.test(.router) { client in
            let archivist = try await signIn(client, name: "lan", password: Self.password).cookie
            let manager = try await signIn(client, name: "an", password: Self.password).cookie
            let expected: [(String, String?, String)] = [
                ("/items/tai-lieu-han-che/pages/p001/image", archivist, "no-store"),
                ("/items/tai-lieu-han-che/pages/p001/text", archivist, "no-store"),
                ("/items/tai-lieu-han-che/pdf", archivist, "no-store"),
                ("/items/tai-lieu-han-che", archivist, "no-store"),
                ("/items/lich-su-thu-vien/pages/p001/image", nil, CachePolicyMiddleware.publicItem),
                ("/items/lich-su-thu-vien/pages/p001/image", archivist, CachePolicyMiddleware.publicItem),
                ("/items/lich-su-thu-vien/pdf", nil, CachePolicyMiddleware.publicItem),
                ("/review", archivist, "no-store"),
                ("/dashboard", manager, "no-store"),
                ("/dashboard/report?year=2026&format=csv&table=goals", manager, "no-store"),
                ("/login", nil, "no-store"),
                ("/", archivist, "no-store"),
                ("/search?q=thu", nil, "no-store"),
                ("/items/khong-co", nil, "no-store"),
                ("/static/sohoa.css", nil, "public, max-age=3600"),
            ]
            for (uri, cookie, policy) in expected {
                let headers: HTTPFields = cookie.map { [.cookie: $0] } ?? [:]
                let response = try await client.execute(uri: uri, method: .get, headers: headers)
                XCTAssertEqual(response.headers[.cacheControl], policy, "\(uri) (\(cookie == nil ? "reader" : "signed in"))")
            }
        }
    }

    func testCachePolicyKeepsOnlyPublic() {
        XCTAssertEqual(CachePolicyMiddleware.policy(nil), "no-store")
        XCTAssertEqual(CachePolicyMiddleware.policy("private, max-age=3600"), "no-store")
        XCTAssertEqual(CachePolicyMiddleware.policy("public, no-store"), "no-store")
        XCTAssertEqual(CachePolicyMiddleware.policy("public, max-age=60"), "public, max-age=60")
    }

    // MARK: - Searches

    func testTooManyWordsAreRefusedWithAMessage() async throws {
        let archive = try Self.archive(self)
        let limit = Catalog.maximumSearchWords
        let words = (1...(limit + 1)).map { "tu\($0)" }
        let plain = try await archive.get("/search?q=" + URLPath.queryValue(words.joined(separator: " ")))
        XCTAssertEqual(plain.status, .badRequest)
        XCTAssertTrue(plain.body.contains("\(limit)"), plain.body)
        let phrase = try await archive.get("/search?q=" + URLPath.queryValue("\"" + words.joined(separator: " ") + "\""))
        XCTAssertEqual(phrase.status, .badRequest, "a quoted phrase's words count too")
        let enough = try await archive.get("/search?q=" + URLPath.queryValue(words.prefix(limit).joined(separator: " ")))
        XCTAssertEqual(enough.status, .ok)
    }

    func testSearchesBeyondThePoolAre503WithRetryAfter() async throws {
        let archive = try Self.archive(self)
        let pool = archive.services.searches
        let release = DispatchSemaphore(value: 0)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<pool.capacity { group.addTask { try await pool.run { release.wait() } } }
            while pool.jobs < pool.capacity { try await Task.sleep(for: .milliseconds(5)) }
            let busy = try await archive.get("/search?q=thu")
            XCTAssertEqual(busy.status, .serviceUnavailable)
            XCTAssertNotNil(busy.headers[.retryAfter])
            for _ in 0..<pool.capacity { release.signal() }
            try await group.waitForAll()
        }
        let again = try await archive.get("/search?q=thu")
        XCTAssertEqual(again.status, .ok)
    }
}
