import Foundation
import Hummingbird
import HummingbirdTesting
import SohoaArchive
import SohoaCatalog
import SohoaPipeline
import SohoaTesting
import XCTest

@testable import SohoaCollection
@testable import SohoaServer

// Shared helpers for the server's tests (kept stable: other areas' test files use them).
//
//     let archive = try temporaryArchive(self)
//     let services = try makeServices(archive: archive)
//     try addTestUser(services, name: "lan", role: .archivist, password: "mật khẩu 1")
//     let app = Application(router: SohoaServerApp.router(services: services))
//     try await app.test(.router) { client in
//         let (cookie, csrf) = try await signIn(client, name: "lan", password: "mật khẩu 1")
//         let response = try await client.execute(
//             uri: "/review/1", method: .post,
//             headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
//             body: ByteBuffer(string: formEncoded(["_csrf": csrf, "text": "…"])))
//     }

/// An empty folder for an archive, removed when `test` ends (`makeServices` makes the archive in it).
func temporaryArchive(_ test: XCTestCase) throws -> URL {
    try temporaryFolder("sohoa-server", removedAfter: test)
}

/// The services of a server over the archive at `archive`: an empty OCFL root and catalog are made
/// there when it is not an archive yet. `configure` may change the options (e.g. `secureCookies`).
func makeServices(archive: URL, configure: (inout ServerOptions) -> Void = { _ in }) throws -> ServerServices {
    _ = try OCFLStorageRoot.openOrCreate(at: archive)
    _ = try Catalog(url: archive.appendingPathComponent(Catalog.fileName))
    let session = try ArchiveSession(folder: archive)
    var options = ServerOptions(archive: archive)
    configure(&options)
    return ServerServices(session: session, options: options)
}

/// Adds a user with a cheap bcrypt cost (4), so tests stay fast; returns the stored record.
@discardableResult
func addTestUser(
    _ services: ServerServices, name: String, role: UserRole, password: String, displayName: String? = nil
) throws -> UserRecord {
    try services.catalog.addUser(
        name: name, displayName: displayName, role: role, passwordHash: try PasswordHasher(cost: 4).hash(password))
}

/// A sign-in that did not give a session.
struct SignInFailed: Error, CustomStringConvertible {
    var description: String
}

/// Signs in through the real form (GET /login, then POST /login with its CSRF token) and returns
/// the `Cookie` header value to send with later requests (`sohoa_session=…`) and the session's
/// CSRF token for forms (`_csrf`) or the `X-CSRF-Token` header. Throws `SignInFailed` otherwise.
func signIn(_ client: some TestClientProtocol, name: String, password: String) async throws -> (cookie: String, csrf: String) {
    let form = try await client.execute(uri: "/login", method: .get)
    guard let anonymous = setCookie("sohoa_csrf", in: form), let formToken = csrfToken(in: form) else {
        throw SignInFailed(description: "GET /login gave no CSRF cookie or field (status \(form.status))")
    }
    let response = try await client.execute(
        uri: "/login", method: .post,
        headers: [.cookie: "sohoa_csrf=\(anonymous)", .contentType: "application/x-www-form-urlencoded"],
        body: ByteBuffer(string: formEncoded(["name": name, "password": password, "_csrf": formToken])))
    guard response.status == .seeOther, let token = setCookie("sohoa_session", in: response), !token.isEmpty else {
        throw SignInFailed(description: "POST /login as \(name) gave \(response.status), no session cookie")
    }
    let cookie = "sohoa_session=\(token)"
    let page = try await client.execute(uri: "/login", method: .get, headers: [.cookie: cookie])
    guard let csrf = csrfToken(in: page) else {
        throw SignInFailed(description: "GET /login while signed in as \(name) showed no CSRF field")
    }
    return (cookie, csrf)
}

/// The value a response's `Set-Cookie` gives to cookie `name` (the last one, if several).
func setCookie(_ name: String, in response: TestResponse) -> String? {
    setCookieLine(name, in: response).map { line in
        String(line.dropFirst(name.count + 1).prefix { $0 != ";" })
    }
}

/// The whole `Set-Cookie` line for cookie `name` (with its attributes: `HttpOnly`, `SameSite=Lax` …).
func setCookieLine(_ name: String, in response: TestResponse) -> String? {
    response.headers[values: .setCookie].last { $0.hasPrefix("\(name)=") }
}

/// The value of the first hidden `_csrf` field in an HTML response.
func csrfToken(in response: TestResponse) -> String? {
    let html = String(buffer: response.body)
    guard let start = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
    let rest = html[start.upperBound...]
    return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
}

/// Fields as an `application/x-www-form-urlencoded` body, in name order.
func formEncoded(_ fields: [String: String]) -> String {
    formEncoded(fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
}

/// Fields as an `application/x-www-form-urlencoded` body, in the order given.
func formEncoded(_ fields: [(String, String)]) -> String {
    var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
    allowed.insert(charactersIn: "-._~")
    func encode(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "" }
    return fields.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
}
