import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOPosix
import SohoaCatalog
import SohoaSharing
import XCTest

@testable import SohoaServer

/// Cross-site request forgery and open redirects: state-changing requests need the token, the
/// sign-in form is protected, OAI-PMH is exempt, and only local paths are followed after signing in.
extension AuthTests {
    // MARK: - CSRF

    func testStateChangingRequestsNeedTheCSRFToken() async throws {
        let services = try services()
        try addTestUser(services, name: "lan", role: .archivist, password: Self.password)
        try await application(services).test(.router) { client in
            let (cookie, csrf) = try await signIn(client, name: "lan", password: Self.password)
            let token = String(cookie.dropFirst("sohoa_session=".count))

            let without = try await client.execute(
                uri: "/logout", method: .post, headers: [.cookie: cookie, .contentType: Self.formType], body: ByteBuffer(string: ""))
            XCTAssertEqual(without.status, .forbidden)
            XCTAssertTrue(String(buffer: without.body).contains("CSRF"))
            let wrong = try await client.execute(
                uri: "/logout", method: .post, headers: [.cookie: cookie, .contentType: Self.formType],
                body: ByteBuffer(string: formEncoded(["_csrf": String(repeating: "0", count: 64)])))
            XCTAssertEqual(wrong.status, .forbidden)
            let otherToken = try await client.execute(
                uri: "/logout", method: .post, headers: [.cookie: cookie, SessionMiddleware.csrfHeader: "x"])
            XCTAssertEqual(otherToken.status, .forbidden)
            XCTAssertNotNil(try services.catalog.validSession(tokenHash: SessionToken.hash(token)), "refused requests did nothing")

            // The handler still reads the body the middleware read for the token.
            let echo = try await client.execute(
                uri: "/probe/echo", method: .post, headers: [.cookie: cookie, .contentType: Self.formType],
                body: ByteBuffer(string: formEncoded([("word", "Thư viện"), ("_csrf", csrf)])))
            XCTAssertEqual(echo.status, .ok)
            XCTAssertEqual(String(buffer: echo.body), "Thư viện")

            let header = try await client.execute(
                uri: "/logout", method: .post, headers: [.cookie: cookie, SessionMiddleware.csrfHeader: csrf])
            XCTAssertEqual(header.status, .seeOther, "scripts may send the token as X-CSRF-Token")
        }
    }

    func testSignInFormIsProtectedAndOAIIsExempt() async throws {
        let services = try services()
        try addTestUser(services, name: "lan", role: .archivist, password: Self.password)
        try await application(services).test(.router) { client in
            // No anonymous cookie: a form posted from another site.
            let forged = try await client.execute(
                uri: "/login", method: .post, headers: [.contentType: Self.formType],
                body: ByteBuffer(
                    string: formEncoded(["name": "lan", "password": Self.password, "_csrf": String(repeating: "a", count: 64)])))
            XCTAssertEqual(forged.status, .forbidden)
            XCTAssertNil(setCookieLine("sohoa_session", in: forged))
            // Cookie and field that do not agree.
            let form = try await client.execute(uri: "/login", method: .get)
            let anonymous = try XCTUnwrap(setCookie("sohoa_csrf", in: form))
            let mismatched = try await client.execute(
                uri: "/login", method: .post, headers: [.cookie: "sohoa_csrf=\(anonymous)", .contentType: Self.formType],
                body: ByteBuffer(
                    string: formEncoded(["name": "lan", "password": Self.password, "_csrf": String(repeating: "b", count: 64)])))
            XCTAssertEqual(mismatched.status, .forbidden)

            let harvest = try await client.execute(
                uri: "/oai/probe", method: .post, headers: [.contentType: Self.formType], body: ByteBuffer(string: "verb=Identify"))
            XCTAssertEqual(harvest.status, .ok, "OAI-PMH POST is a protocol request without cookies")
        }
    }

    // MARK: - Where to go after signing in

    func testOpenRedirectsAreRefused() async throws {
        let services = try services()
        try addTestUser(services, name: "lan", role: .archivist, password: Self.password)
        try await application(services).test(.router) { client in
            let evil = try await Self.postLogin(client, ["name": "lan", "password": Self.password, "next": "//evil.example"])
            XCTAssertEqual(evil.status, .seeOther)
            XCTAssertEqual(evil.headers[.location], "/review")
            let local = try await Self.postLogin(client, ["name": "lan", "password": Self.password, "next": "/review/12?lang=en"])
            XCTAssertEqual(local.headers[.location], "/review/12?lang=en")
            let form = try await client.execute(uri: "/login?next=%2F%2Fevil.example", method: .get)
            XCTAssertFalse(String(buffer: form.body).contains("name=\"next\" value=\"//evil.example"))
            XCTAssertFalse(String(buffer: form.body).contains("href=\"//"), "no link on the page may leave the site")
            let kept = try await client.execute(uri: "/login?next=%2Fdashboard", method: .get)
            XCTAssertTrue(String(buffer: kept.body).contains("name=\"next\" value=\"/dashboard\""))
        }
        for unsafe in ["//evil.example", "https://evil.example", "/\\evil.example", "\\\\evil", "evil", "", "/a b", "/x\n"] {
            XCTAssertNil(SignInTarget.safeLocalPath(unsafe), unsafe)
        }
        XCTAssertEqual(SignInTarget.safeLocalPath("/"), "/")
        XCTAssertEqual(SignInTarget.safeLocalPath("/items/sổ-1?q=a"), "/items/sổ-1?q=a")
        XCTAssertEqual(SignInTarget.home(of: .scanner), "/")
        XCTAssertEqual(SignInTarget.home(of: .admin), "/")
    }
}
