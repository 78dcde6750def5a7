import Foundation
import Hummingbird
import HummingbirdTesting
import SohoaTesting
import XCTest

@testable import SohoaServer

#if canImport(Glibc)
    import Glibc
#endif

/// A connection that sends nothing (or a request's head too slowly) is closed by the server.
final class IdleConnectionTests: XCTestCase {
    func testSilentConnectionIsClosed() async throws {
        let archive = try temporaryArchive(self)
        _ = try makeServices(archive: archive)
        var options = ServerOptions(archive: archive, host: "127.0.0.1", port: 0)
        options.idleTimeout = 1
        let app = try SohoaServerApp.make(options: options)
        try await app.test(.live) { client in
            let port = try XCTUnwrap(client.port)
            // Half a request head, then silence (a "slowloris" client).
            let outcome = try await Task.detached { try Self.sendAndWait(port: port, text: "GET / HTTP/1.1\r\nHost: x\r\n") }.value
            XCTAssertEqual(outcome, .closedByServer)
        }
    }

    enum Outcome: Equatable {
        case closedByServer
        case stillOpen
        case answered
    }

    /// Connects, sends `text`, then waits (at most 20 s) for the server to close the connection.
    private static func sendAndWait(port: Int, text: String) throws -> Outcome {
        guard let fd = LocalSocket.connect(port: port) else { throw POSIXError(.ECONNREFUSED) }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        _ = text.withCString { send(fd, $0, strlen($0), 0) }
        var buffer = [UInt8](repeating: 0, count: 512)
        let read = recv(fd, &buffer, buffer.count, 0)
        if read == 0 { return .closedByServer }
        if read > 0 { return .answered }
        return errno == ECONNRESET ? .closedByServer : .stillOpen
    }
}
