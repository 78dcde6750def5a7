import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SohoaArchive
import XCTest

@testable import SohoaCatalog
@testable import SohoaCollection
@testable import SohoaPipeline
@testable import SohoaServer

/// Search through the real router: without tone marks, phrases, filters, paging, JSON, hostile queries.
extension PublicRoutesTests {
    // MARK: - Search

    func testSearchWithoutDiacriticsFindsVietnameseWords() async throws {
        let archive = try fixture()
        let found0 = Set(try await archive.searchItems("thu vien"))
        XCTAssertEqual(found0, ["lich-su-thu-vien", "bao-muong-lay"])
        let found1 = try await archive.searchItems("dai hoc")
        XCTAssertEqual(found1, ["lich-su-thu-vien"])
        let found2 = try await archive.searchItems("ĐẠI HỌC")
        XCTAssertEqual(found2, ["lich-su-thu-vien"])
        let found3 = try await archive.searchItems("Thư viện tỉnh")
        XCTAssertEqual(found3, ["lich-su-thu-vien"])
        let html = try await archive.get("/search?q=dai+hoc")
        XCTAssertEqual(html.status, .ok)
        XCTAssertTrue(html.body.contains("<mark>Đại</mark> <mark>học</mark>"), html.body)
        XCTAssertTrue(html.body.contains("href=\"/items/lich-su-thu-vien\""))
        XCTAssertTrue(html.body.contains("/static/public.css"))
    }

    func testASearchAskedAgainIsAnsweredInTheKeptLaneWithTheSamePage() async throws {
        let archive = try fixture()
        let services = archive.services
        let asked = SearchRequest(query: "ruong bac thang")
        func lane(page: Int) -> BoundedThreadPool {
            let request = SearchRequest(query: asked.query, page: page)
            return services.searchLane(
                request.query, filters: request.filters(signedIn: false), limit: SearchRequest.pageSize, offset: request.offset)
        }
        XCTAssertTrue(lane(page: 1) === services.searches, "not asked yet: it ranks")
        let first = try await archive.get("/search?q=ruong+bac+thang")
        XCTAssertTrue(lane(page: 1) === services.keptSearches, "asked again: its page is kept")
        XCTAssertTrue(lane(page: 2) === services.searches, "the next page is not kept yet")
        let again = try await archive.get("/search?q=ruong+bac+thang")
        XCTAssertEqual(again.status, .ok)
        XCTAssertEqual(again.body, first.body)
        XCTAssertTrue(lane(page: 1) === services.keptSearches)
        XCTAssertFalse(
            services.searchLane(asked.query, filters: asked.filters(signedIn: true), limit: 20, offset: 0) === services.keptSearches,
            "a signed-in reader's search is another search")
    }

    func testQuotedPhraseMatchesWordsInOrder() async throws {
        let archive = try fixture()
        let found4 = Set(try await archive.searchItems("\"tinh lai chau\""))
        XCTAssertEqual(found4, ["lich-su-thu-vien", "địa-chí lai châu"])
        let found5 = try await archive.searchItems("\"lai chau tinh\"")
        XCTAssertEqual(found5, [])
        let found6 = try await archive.searchItems("\"dai hoc tay bac\"")
        XCTAssertEqual(found6, ["lich-su-thu-vien"])
        let json = try await archive.searchJSON("\"đại học\"")
        let hit = try XCTUnwrap((json["hits"] as? [[String: Any]])?.first)
        let snippet = try XCTUnwrap(hit["snippet"] as? String)
        let ranges = try XCTUnwrap(hit["highlights"] as? [[Int]])
        XCTAssertEqual(ranges.count, 1, "a phrase is one highlight")
        let utf16 = Array(snippet.utf16)
        XCTAssertEqual(String(decoding: utf16[ranges[0][0]..<ranges[0][1]], as: UTF16.self), "Đại học")
    }

    func testFiltersByLibraryTypeYearAndLanguage() async throws {
        let archive = try fixture()
        let found7 = try await archive.searchItems("thu vien", "&library=MLY")
        XCTAssertEqual(found7, ["bao-muong-lay"])
        let found8 = try await archive.searchItems("thu vien", "&library=LCH")
        XCTAssertEqual(found8, ["lich-su-thu-vien"])
        let found9 = try await archive.searchItems("thu vien", "&type=newspaper")
        XCTAssertEqual(found9, ["bao-muong-lay"])
        let found10 = try await archive.searchItems("lai chau", "&type=local-history&year=1940")
        XCTAssertEqual(found10, ["địa-chí lai châu"])
        let found11 = try await archive.searchItems("thu vien", "&year=1930")
        XCTAssertEqual(found11, ["bao-muong-lay"])
        let found12 = try await archive.searchItems("thu vien", "&lang=fra")
        XCTAssertEqual(found12, ["bao-muong-lay"])
        let found13 = Set(try await archive.searchItems("thu vien", "&lang=vie"))
        XCTAssertEqual(found13, ["lich-su-thu-vien", "bao-muong-lay"])
        let found14 = try await archive.searchItems("thu vien", "&lang=eng")
        XCTAssertEqual(found14, [])
        let found15 = try await archive.searchItems("thu vien", "&year=1999")
        XCTAssertEqual(found15, [])
        // Text filters that cannot be valid are ignored; numbers that are not numbers are a 400 with a message.
        let found16 = Set(try await archive.searchItems("thu vien", "&library=%27%3B--"))
        XCTAssertEqual(found16, ["lich-su-thu-vien", "bao-muong-lay"])
        let badYear = try await archive.get("/search?q=thu+vien&year=abc")
        XCTAssertEqual(badYear.status, .badRequest)
        XCTAssertTrue(badYear.body.contains("year"), badYear.body)
        let json = try await archive.searchJSON("thu vien", "&library=MLY&year=1930")
        let filters = try XCTUnwrap(json["filters"] as? [String: Any])
        XCTAssertEqual(filters["library"] as? String, "MLY")
        XCTAssertEqual(filters["year"] as? Int, 1930)
    }

    func testResultsArePagedWithTotal() async throws {
        let archive = try fixture()
        let first = try await archive.searchJSON("ruong bac thang")
        XCTAssertEqual(first["total"] as? Int, 25)
        XCTAssertEqual((first["hits"] as? [Any])?.count, 20)
        let second = try await archive.searchJSON("ruong bac thang", "&page=2")
        XCTAssertEqual(second["page"] as? Int, 2)
        let secondHits = second["hits"] as? [[String: Any]] ?? []
        XCTAssertEqual(secondHits.count, 5)
        let firstPages = Set((first["hits"] as? [[String: Any]] ?? []).compactMap { $0["pageName"] as? String })
        let secondPages = Set(secondHits.compactMap { $0["pageName"] as? String })
        XCTAssertTrue(firstPages.isDisjoint(with: secondPages))
        XCTAssertEqual(firstPages.union(secondPages).count, 25)
        let beyond = try await archive.searchJSON("ruong bac thang", "&page=99")
        XCTAssertEqual(beyond["total"] as? Int, 25)
        XCTAssertEqual((beyond["hits"] as? [Any])?.count, 0)
        let html = try await archive.get("/search?q=ruong+bac+thang")
        XCTAssertTrue(html.body.contains("href=\"/search?q=ruong%20bac%20thang&amp;page=2\""), html.body)
        XCTAssertTrue(html.body.contains("25"))
    }

    func testSearchAnswersJSONWhenAsked() async throws {
        let archive = try fixture()
        let response = try await archive.get("/search?q=dai+hoc", json: true)
        XCTAssertEqual(response.status, .ok)
        XCTAssertTrue(response.headers[.contentType]?.hasPrefix("application/json") == true)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: response.bytes) as? [String: Any])
        XCTAssertEqual(json["query"] as? String, "dai hoc")
        XCTAssertEqual(json["total"] as? Int, 1)
        let hit = try XCTUnwrap((json["hits"] as? [[String: Any]])?.first)
        XCTAssertEqual(hit["title"] as? String, "Lịch sử Thư viện tỉnh")
        XCTAssertEqual(hit["imageURL"] as? String, "/items/lich-su-thu-vien/pages/p001/image")
        XCTAssertEqual(hit["library"] as? String, "LCH")
    }

    func testHostileQueriesNeverFail() async throws {
        let archive = try fixture()
        let queries = [
            "\"", "\"\"\"", "*", "thu*", "NEAR(thu vien)", "NEAR", "-", "-thu", "thu -vien", "a:b", "folded:thu", "(", ")", "(thu",
            ":", "AND OR NOT", "'", "\\", "%", "%%", "\u{0}", "🙂", "\"thu vien", String(repeating: "(", count: 600),
            String(repeating: "thu ", count: Catalog.maximumSearchWords), "<script>alert(1)</script>", "' OR 1=1 --",
        ]
        for query in queries {
            for json in [false, true] {
                let response = try await archive.get("/search?q=\(URLPath.queryValue(query))&page=2&type=%00", json: json)
                XCTAssertEqual(response.status, .ok, "query \(query.debugDescription) json \(json)")
                if !json { XCTAssertFalse(response.body.contains("<script>alert(1)"), query) }
            }
        }
        for raw in ["/search?q=%", "/search?q=%zz", "/search?q=%C3", "/search?q", "/search?&&=&q=thu&page="] {
            let response = try await archive.get(raw)
            XCTAssertEqual(response.status, .ok, raw)
        }
        for raw in [
            "/search?&&=&q=thu&page=abc", "/search?page=-5&q=thu", "/search?q=thu&year=-1",
            "/search?q=" + String(repeating: "thu+", count: 300),
        ] {
            let response = try await archive.get(raw)
            XCTAssertEqual(response.status, .badRequest, raw)
        }
    }
}
