import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOPosix
import SohoaCatalog
import SohoaSharing
import XCTest

@testable import SohoaServer

/// Signing in and out, session cookies, CSRF, redirects after sign-in, slowing of repeated
/// failures, and role checks — through the real router over a temporary archive.
final class AuthTests: XCTestCase {
    static let password = "Mật khẩu 2025"
    static let formType = "application/x-www-form-urlencoded"

    /// The real router plus a few probe routes: `/probe/whoami`, `/probe/review` (archivists),
    /// `/probe/dashboard` (managers), `/probe/echo` (POST, returns the `word` field), `/oai/probe` (POST).
    func application(_ services: ServerServices) -> some ApplicationProtocol {
        let router = SohoaServerApp.router(services: services)
        router.get("/probe/whoami") { _, context -> String in
            context.user.map { "\($0.name) \($0.role.rawValue)" } ?? "anonymous"
        }
        router.get("/probe/review") { _, context -> String in
            try context.requireUser(where: \.canReview).name
        }
        router.get("/probe/dashboard") { _, context -> String in
            try context.requireUser(where: \.canSeeDashboard).name
        }
        router.post("/probe/echo") { request, context -> String in
            try await FormFields.read(request, context: context)["word"] ?? "(none)"
        }
        router.post("/oai/probe") { _, _ -> String in "harvested" }
        return Application(router: router)
    }

    func services(secure: Bool = false) throws -> ServerServices {
        let archive = try temporaryArchive(self)
        return try makeServices(archive: archive) { $0.secureCookies = secure }
    }

    /// GET /login, then POST it with `fields` (the form's CSRF token and cookie are added), from the
    /// client address `address` when one is given (`X-Forwarded-For`, trusted in-process).
    static func postLogin(
        _ client: some TestClientProtocol, _ fields: [String: String], from address: String? = nil
    ) async throws -> TestResponse {
        let form = try await client.execute(uri: "/login", method: .get)
        let anonymous = try XCTUnwrap(setCookie("sohoa_csrf", in: form))
        var fields = fields
        fields["_csrf"] = try XCTUnwrap(csrfToken(in: form))
        var headers: HTTPFields = [.cookie: "sohoa_csrf=\(anonymous)", .contentType: Self.formType]
        if let address { headers[ClientAddress.forwardedFor] = address }
        return try await client.execute(uri: "/login", method: .post, headers: headers, body: ByteBuffer(string: formEncoded(fields)))
    }

    // MARK: - Signing in

    func testSignInStartsASessionWithSafeCookies() async throws {
        let services = try services()
        try addTestUser(services, name: "lan", role: .archivist, password: Self.password, displayName: "Nguyễn Thị Lan")
        try await application(services).test(.router) { client in
            let form = try await client.execute(uri: "/login", method: .get)
            XCTAssertEqual(form.status, .ok)
            let page = String(buffer: form.body)
            XCTAssertTrue(page.contains("name=\"password\""))
            XCTAssertTrue(page.contains("Đăng nhập"))
            let anonymous = try XCTUnwrap(setCookieLine("sohoa_csrf", in: form))
            XCTAssertTrue(anonymous.contains("HttpOnly") && anonymous.contains("SameSite=Lax"), anonymous)
            XCTAssertEqual(setCookie("sohoa_csrf", in: form), csrfToken(in: form), "double submit: cookie and field agree")

            let response = try await Self.postLogin(client, ["name": "lan", "password": Self.password])
            XCTAssertEqual(response.status, .seeOther)
            XCTAssertEqual(response.headers[.location], "/review", "archivists start at the review queue")
            let line = try XCTUnwrap(setCookieLine("sohoa_session", in: response))
            XCTAssertTrue(line.contains("HttpOnly"), line)
            XCTAssertTrue(line.contains("SameSite=Lax"), line)
            XCTAssertTrue(line.contains("Path=/"), line)
            XCTAssertTrue(line.contains("Max-Age=\(Int(services.options.sessionLifetime))"), line)
            XCTAssertFalse(line.contains("Secure"), "no Secure flag over plain HTTP: \(line)")

            let token = try XCTUnwrap(setCookie("sohoa_session", in: response))
            XCTAssertEqual(token.count, 64, "256 random bits in hex")
            let stored = try XCTUnwrap(services.catalog.validSession(tokenHash: SessionToken.hash(token)))
            XCTAssertEqual(stored.user.name, "lan")
            XCTAssertNotEqual(stored.session.tokenHash, token, "only the token's hash is stored")
            XCTAssertNotEqual(stored.session.csrfToken, csrfToken(in: form), "a signed-in session gets its own CSRF token")

            let who = try await client.execute(uri: "/probe/whoami", method: .get, headers: [.cookie: "sohoa_session=\(token)"])
            XCTAssertEqual(String(buffer: who.body), "lan archivist")
        }
    }

    func testSecureCookiesBehindHTTPS() async throws {
        let services = try services(secure: true)
        try addTestUser(services, name: "an", role: .manager, password: Self.password)
        try await application(services).test(.router) { client in
            let form = try await client.execute(uri: "/login", method: .get)
            XCTAssertEqual(form.headers[.strictTransportSecurity], SecurityHeadersMiddleware.strictTransportSecurity)
            let anonymousLine = try XCTUnwrap(setCookieLine("__Host-sohoa_csrf", in: form))
            XCTAssertTrue(anonymousLine.contains("Secure") && anonymousLine.contains("Path=/"), anonymousLine)
            let anonymous = try XCTUnwrap(setCookie("__Host-sohoa_csrf", in: form))
            let response = try await client.execute(
                uri: "/login", method: .post, headers: [.cookie: "__Host-sohoa_csrf=\(anonymous)", .contentType: Self.formType],
                body: ByteBuffer(
                    string: formEncoded(["name": "an", "password": Self.password, "_csrf": try XCTUnwrap(csrfToken(in: form))])))
            XCTAssertEqual(response.headers[.location], "/dashboard", "managers start at the dashboard")
            let line = try XCTUnwrap(setCookieLine("__Host-sohoa_session", in: response), "behind HTTPS the cookie has the __Host- prefix")
            XCTAssertTrue(line.contains("Secure"), line)
            XCTAssertTrue(line.contains("Path=/"), line)
            XCTAssertFalse(line.lowercased().contains("domain="), line)
            let token = try XCTUnwrap(setCookie("__Host-sohoa_session", in: response))
            let whoami = try await client.execute(uri: "/probe/whoami", method: .get, headers: [.cookie: "__Host-sohoa_session=\(token)"])
            XCTAssertEqual(String(buffer: whoami.body), "an manager")
            let unprefixed = try await client.execute(uri: "/probe/whoami", method: .get, headers: [.cookie: "sohoa_session=\(token)"])
            XCTAssertEqual(String(buffer: unprefixed.body), "anonymous", "a cookie without the prefix is not read behind HTTPS")
        }
    }

    func testNoHSTSOverPlainHTTP() async throws {
        let services = try services()
        try await application(services).test(.router) { client in
            let form = try await client.execute(uri: "/login", method: .get)
            XCTAssertNil(form.headers[.strictTransportSecurity])
            XCTAssertNotNil(setCookieLine("sohoa_csrf", in: form))
        }
    }

    func testWrongPasswordAndUnknownNameGetTheSameAnswer() async throws {
        let services = try services()
        try addTestUser(services, name: "lan", role: .scanner, password: Self.password)
        try await application(services).test(.router) { client in
            let wrong = try await Self.postLogin(client, ["name": "lan", "password": "not the password"])
            let unknown = try await Self.postLogin(client, ["name": "nobody", "password": "not the password"])
            for response in [wrong, unknown] {
                XCTAssertEqual(response.status, .unauthorized)
                XCTAssertNil(setCookieLine("sohoa_session", in: response))
                XCTAssertTrue(String(buffer: response.body).contains(SignInPage.failureMessage(.vi)))
            }
            XCTAssertEqual(
                String(buffer: wrong.body).replacingOccurrences(of: "value=\"lan\"", with: "value=\"nobody\"")
                    .replacingOccurrences(of: #"value="[0-9a-f]{64}""#, with: "", options: .regularExpression),
                String(buffer: unknown.body)
                    .replacingOccurrences(of: #"value="[0-9a-f]{64}""#, with: "", options: .regularExpression),
                "the answer does not tell whether the name exists")
            XCTAssertEqual(try services.catalog.user(name: "lan")?.failedSignIns, 1)
        }
    }

    func testDisabledUsersCannotSignInAndTheirSessionsStop() async throws {
        let services = try services()
        try addTestUser(services, name: "lan", role: .archivist, password: Self.password)
        try await application(services).test(.router) { client in
            let (cookie, _) = try await signIn(client, name: "lan", password: Self.password)
            var who = try await client.execute(uri: "/probe/whoami", method: .get, headers: [.cookie: cookie])
            XCTAssertEqual(String(buffer: who.body), "lan archivist")

            try services.catalog.setUserDisabled(name: "lan", true)
            who = try await client.execute(uri: "/probe/whoami", method: .get, headers: [.cookie: cookie])
            XCTAssertEqual(String(buffer: who.body), "anonymous", "a disabled user's session stops working")
            XCTAssertEqual(setCookie("sohoa_session", in: who), "", "and the browser is told to forget it")

            let again = try await Self.postLogin(client, ["name": "lan", "password": Self.password])
            XCTAssertEqual(again.status, .unauthorized)
            XCTAssertNil(setCookieLine("sohoa_session", in: again))
            XCTAssertTrue(String(buffer: again.body).contains(SignInPage.failureMessage(.vi)))
        }
    }

    func testSessionSurvivesARestart() async throws {
        let archive = try temporaryArchive(self)
        let first = try makeServices(archive: archive)
        try addTestUser(first, name: "lan", role: .archivist, password: Self.password)
        let cookie = try await application(first).test(.router) { client in
            try await signIn(client, name: "lan", password: Self.password).cookie
        }
        let restarted = try makeServices(archive: archive)
        XCTAssertFalse(first === restarted)
        try await application(restarted).test(.router) { client in
            let who = try await client.execute(uri: "/probe/whoami", method: .get, headers: [.cookie: cookie])
            XCTAssertEqual(String(buffer: who.body), "lan archivist")
        }
    }

    func testLogoutEndsTheSession() async throws {
        let services = try services()
        try addTestUser(services, name: "lan", role: .archivist, password: Self.password)
        try await application(services).test(.router) { client in
            let (cookie, csrf) = try await signIn(client, name: "lan", password: Self.password)
            let token = String(cookie.dropFirst("sohoa_session=".count))
            let response = try await client.execute(
                uri: "/logout", method: .post, headers: [.cookie: cookie, .contentType: Self.formType],
                body: ByteBuffer(string: formEncoded(["_csrf": csrf])))
            XCTAssertEqual(response.status, .seeOther)
            XCTAssertEqual(response.headers[.location], "/")
            let line = try XCTUnwrap(setCookieLine("sohoa_session", in: response))
            XCTAssertTrue(line.contains("Max-Age=0"), line)
            XCTAssertNil(try services.catalog.validSession(tokenHash: SessionToken.hash(token)))
            let who = try await client.execute(uri: "/probe/whoami", method: .get, headers: [.cookie: cookie])
            XCTAssertEqual(String(buffer: who.body), "anonymous", "the old cookie no longer signs in")
        }
    }

    // MARK: - Roles

    func testRequireUserChecksTheRole() async throws {
        let services = try services()
        try addTestUser(services, name: "scan", role: .scanner, password: Self.password)
        try addTestUser(services, name: "lan", role: .archivist, password: Self.password)
        try addTestUser(services, name: "boss", role: .admin, password: Self.password)
        try await application(services).test(.router) { client in
            let anonymous = try await client.execute(uri: "/probe/review?x=1", method: .get)
            XCTAssertEqual(anonymous.status, .seeOther)
            XCTAssertTrue(anonymous.headers[.location]?.hasPrefix("/login?next=") ?? false, "\(anonymous.headers)")
            let json = try await client.execute(uri: "/probe/review", method: .get, headers: [.accept: "application/json"])
            XCTAssertEqual(json.status, .unauthorized)

            let scanner = try await signIn(client, name: "scan", password: Self.password)
            let refused = try await client.execute(uri: "/probe/review", method: .get, headers: [.cookie: scanner.cookie])
            XCTAssertEqual(refused.status, .forbidden)

            let archivist = try await signIn(client, name: "lan", password: Self.password)
            let allowed = try await client.execute(uri: "/probe/review", method: .get, headers: [.cookie: archivist.cookie])
            XCTAssertEqual(allowed.status, .ok)
            XCTAssertEqual(String(buffer: allowed.body), "lan")
            let dashboard = try await client.execute(uri: "/probe/dashboard", method: .get, headers: [.cookie: archivist.cookie])
            XCTAssertEqual(dashboard.status, .forbidden)

            let admin = try await signIn(client, name: "boss", password: Self.password)
            for path in ["/probe/review", "/probe/dashboard"] {
                let response = try await client.execute(uri: path, method: .get, headers: [.cookie: admin.cookie])
                XCTAssertEqual(response.status, .ok, path)
            }
        }
    }

    // MARK: - Pieces

    func testFormFieldsDecodeUTF8PlusAndRepeats() {
        let form = FormFields("name=lan&text=Th%C6%B0+vi%E1%BB%87n&empty=&flag&tag=a&tag=b&bad=%ZZ&nfd=e%CC%82%CC%81")
        XCTAssertEqual(form["name"], "lan")
        XCTAssertEqual(form["text"], "Thư viện")
        XCTAssertEqual(form["empty"], "")
        XCTAssertEqual(form["flag"], "")
        XCTAssertEqual(form["tag"], "a")
        XCTAssertEqual(form.values("tag"), ["a", "b"])
        XCTAssertEqual(form["bad"], "%ZZ")
        XCTAssertEqual(form["nfd"], "ế", "values come out in NFC")
        XCTAssertNil(form["missing"])
    }

    func testPasswordRulesAndHashing() throws {
        XCTAssertThrowsError(try PasswordHasher.check("short"))
        XCTAssertThrowsError(try PasswordHasher.check(String(repeating: "ệ", count: 30)), "over bcrypt's 72 bytes")
        XCTAssertNoThrow(try PasswordHasher.check("đủ tám ký"))
        XCTAssertEqual(try PasswordHasher.fromEnvironment([:]).cost, 12)
        XCTAssertEqual(try PasswordHasher.fromEnvironment(["SOHOA_BCRYPT_COST": "5"]).cost, 5)
        XCTAssertThrowsError(try PasswordHasher.fromEnvironment(["SOHOA_BCRYPT_COST": "3"]))
        XCTAssertThrowsError(try PasswordHasher.fromEnvironment(["SOHOA_BCRYPT_COST": "fast"]))

        let hash = try PasswordHasher(cost: 4).hash("Mật khẩu")
        XCTAssertTrue(hash.hasPrefix("$2"), hash)
        XCTAssertFalse(hash.contains("Mật khẩu"))
        XCTAssertTrue(PasswordHasher.verify("Mật khẩu", hash: hash))
        XCTAssertTrue(PasswordHasher.verify("Mật khẩu".decomposedStringWithCanonicalMapping, hash: hash), "NFD typed, NFC stored")
        XCTAssertFalse(PasswordHasher.verify("Mat khau", hash: hash))
    }

    func testTokensAreRandomHexAndCompareExactly() {
        let a = SessionToken.random()
        let b = SessionToken.random()
        XCTAssertNotEqual(a, b)
        XCTAssertTrue(SessionToken.isWellFormed(a))
        XCTAssertFalse(SessionToken.isWellFormed("sohoa"))
        XCTAssertEqual(SessionToken.hash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertTrue(SessionToken.matches(a, a))
        XCTAssertFalse(SessionToken.matches(a, b))
        XCTAssertFalse(SessionToken.matches("", ""))
        XCTAssertFalse(SessionToken.matches(String(a.dropLast()), a))
    }
}
