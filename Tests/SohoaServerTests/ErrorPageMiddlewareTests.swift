import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SohoaCatalog
import XCTest

@testable import SohoaServer

/// What a reader sees when a request fails inside: a change whose outcome is unknown (the connection
/// to PostgreSQL broke while it was committed) asks the reader to check before doing it again; any
/// other failure is the plain 500 that says nothing about the inside.
final class ErrorPageMiddlewareTests: XCTestCase {
    private static let catalog = URL(string: "postgresql://db.example/sohoa")!

    private func application() -> some ApplicationProtocol {
        let router = Router(context: AppRequestContext.self)
        router.add(middleware: ErrorPageMiddleware())
        router.add(middleware: LanguageMiddleware())
        router.post("/unknown") { _, _ -> Response in
            throw CatalogError.outcomeUnknown(file: Self.catalog, detail: "connection reset by peer")
        }
        router.post("/broken") { _, _ -> Response in
            throw CocoaError(.fileWriteUnknown)
        }
        return Application(router: router)
    }

    private func post(_ uri: String, accept: String = "text/html") async throws -> (status: HTTPResponse.Status, body: String) {
        try await application().test(.router) { client in
            let response = try await client.execute(uri: uri, method: .post, headers: [.accept: accept])
            return (response.status, String(decoding: Data(response.body.readableBytesView), as: UTF8.self))
        }
    }

    func testAChangeWhoseOutcomeIsUnknownAsksTheReaderToCheckFirst() async throws {
        let page = try await post("/unknown")
        XCTAssertEqual(page.status, .serviceUnavailable)
        XCTAssertTrue(page.body.contains("thay đổi có thể đã được lưu"), page.body)
        XCTAssertTrue(page.body.contains("tải lại trang"), page.body)
        XCTAssertFalse(page.body.contains("Xin thử lại"), "not the 500 page's 'try again': \(page.body)")
        XCTAssertFalse(page.body.contains("db.example"), "the catalog's address stays in the log: \(page.body)")

        let english = try await post("/unknown?lang=en")
        XCTAssertTrue(english.body.contains("it may have been saved"), english.body)

        let api = try await post("/unknown", accept: "application/json")
        XCTAssertEqual(api.status, .serviceUnavailable)
        XCTAssertTrue(api.body.contains("thay đổi có thể đã được lưu"), api.body)
    }

    func testAnyOtherFailureIsAPlain500() async throws {
        let page = try await post("/broken")
        XCTAssertEqual(page.status, .internalServerError)
        XCTAssertTrue(page.body.contains("Xin thử lại"), page.body)
    }
}

extension ErrorPageMiddlewareTests {
    /// The error page follows the reader's language (`?lang=en`, or the cookie), though this
    /// middleware runs outside the one that picks it.
    func testTheErrorPageIsInTheReadersLanguage() async throws {
        let english = try await post("/broken?lang=en")
        XCTAssertTrue(english.body.contains("The server had a problem"), english.body)
        let cookie = try await application().test(.router) { client in
            let response = try await client.execute(uri: "/broken", method: .post, headers: [.accept: "text/html", .cookie: "lang=en"])
            return String(decoding: Data(response.body.readableBytesView), as: UTF8.self)
        }
        XCTAssertTrue(cookie.contains("The server had a problem"), cookie)
    }
}
