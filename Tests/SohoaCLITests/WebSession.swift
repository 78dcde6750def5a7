import Foundation
import SohoaTesting

#if canImport(Glibc)
    import Glibc
#endif

/// A person's browser session against a server a test started, in plain HTTP/1.1 over a loopback
/// socket (one connection per request): keeps the cookies the server sets and signs in through the
/// real form (GET /login for its CSRF token, POST /login).
final class WebSession {
    /// One answer.
    struct Answer {
        var status: Int
        var headers: [(name: String, value: String)]
        var body: String

        func header(_ name: String) -> String? {
            headers.last { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let port: Int
    private(set) var cookies: [String: String] = [:]

    init(port: Int) {
        self.port = port
    }

    func get(_ path: String) throws -> Answer {
        try exchange("GET", path, body: nil)
    }

    /// Posts `fields` urlencoded, as a form does.
    func post(_ path: String, _ fields: [(String, String)]) throws -> Answer {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let body = fields.map { name, value in
            "\(name.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
        return try exchange("POST", path, body: Data(body.utf8), type: "application/x-www-form-urlencoded")
    }

    /// Signs in as `name`; throws unless the server gave a session.
    func signIn(_ name: String, password: String) throws {
        let form = try get("/login")
        guard let token = Self.csrfToken(in: form.body) else { throw Failure(description: "GET /login showed no CSRF field") }
        let answer = try post("/login", [("name", name), ("password", password), ("_csrf", token)])
        guard answer.status == 303, cookies["sohoa_session"] != nil else {
            throw Failure(description: "signing in as \(name) gave \(answer.status): \(answer.body)")
        }
    }

    /// The value of the page's `_csrf` hidden field.
    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    private func exchange(_ method: String, _ path: String, body: Data?, type: String? = nil) throws -> Answer {
        guard let fd = LocalSocket.connect(port: port) else { throw Failure(description: "nothing answers on port \(port)") }
        defer { close(fd) }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\nAccept: text/html\r\n"
        if !cookies.isEmpty { head += "Cookie: \(cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; "))\r\n" }
        if let type { head += "Content-Type: \(type)\r\n" }
        if let body { head += "Content-Length: \(body.count)\r\n" }
        let request = Data((head + "\r\n").utf8) + (body ?? Data())
        let sent = request.withUnsafeBytes { bytes -> Bool in
            var done = 0
            while done < bytes.count, let base = bytes.baseAddress {
                let n = send(fd, base + done, bytes.count - done, Int32(MSG_NOSIGNAL))
                if n <= 0 { return false }
                done += n
            }
            return true
        }
        guard sent else { throw Failure(description: "\(method) \(path): the request could not be sent") }
        var response = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            response.append(contentsOf: buffer[0..<n])
        }
        return try parse(response, request: "\(method) \(path)")
    }

    private func parse(_ response: Data, request: String) throws -> Answer {
        guard let split = response.range(of: Data("\r\n\r\n".utf8)) else {
            throw Failure(description: "\(request): no HTTP answer (\(response.count) bytes)")
        }
        let lines = String(decoding: response[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines.first?.split(separator: " ") ?? []
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw Failure(description: "\(request): no status line in \(lines.first ?? "")")
        }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers.append((name, value))
            if name.lowercased() == "set-cookie", let equals = value.firstIndex(of: "=") {
                let cookie = String(value[..<equals])
                let content = String(value[value.index(after: equals)...].prefix { $0 != ";" })
                if content.isEmpty || value.lowercased().contains("max-age=0") { cookies[cookie] = nil } else { cookies[cookie] = content }
            }
        }
        var body = Data(response[split.upperBound...])
        if headers.contains(where: { $0.name.lowercased() == "transfer-encoding" && $0.value.lowercased().contains("chunked") }) {
            body = Self.unchunked(body)
        }
        return Answer(status: status, headers: headers, body: String(decoding: body, as: UTF8.self))
    }

    /// A chunked body's bytes.
    private static func unchunked(_ data: Data) -> Data {
        var result = Data()
        var rest = data[...]
        while let lineEnd = rest.range(of: Data("\r\n".utf8)) {
            let sizeText = String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size > 0 else { break }
            let start = lineEnd.upperBound
            let end = rest.index(start, offsetBy: size, limitedBy: rest.endIndex) ?? rest.endIndex
            result += rest[start..<end]
            rest = rest[min(rest.endIndex, rest.index(end, offsetBy: 2, limitedBy: rest.endIndex) ?? rest.endIndex)...]
        }
        return result
    }
}
