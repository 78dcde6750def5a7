import NIOCore
import NIOEmbedded
import SohoaSharing
import XCTest

@testable import SohoaServer

/// Issue 12: Hummingbird does not cancel a handler whose client went away, so the IIIF routes watch
/// the connection: the end of the client's input (or of the connection) cancels the render.
final class IIIFClientWatchTests: XCTestCase {
    func testTheEndOfTheClientsInputCancelsTheRender() async throws {
        let channel = NIOAsyncTestingChannel()
        let wasCancelled = try await IIIFClientWatch.watching(channel) { cancellation in
            XCTAssertFalse(cancellation.isCancelled, "a client still there")
            try await channel.testingEventLoop.executeInContext {
                channel.pipeline.fireUserInboundEventTriggered(ChannelEvent.inputClosed)
            }
            return cancellation.isCancelled
        }
        XCTAssertTrue(wasCancelled)
    }

    func testAClosedConnectionCancelsTheRender() async throws {
        let channel = NIOAsyncTestingChannel()
        try await channel.connect(to: try SocketAddress(ipAddress: "127.0.0.1", port: 8080))
        let wasCancelled = try await IIIFClientWatch.watching(channel) { cancellation in
            XCTAssertFalse(cancellation.isCancelled)
            try await channel.close()
            return cancellation.isCancelled
        }
        XCTAssertTrue(wasCancelled)
    }

    func testTaskCancellationCancelsTheRender() async throws {
        let channel = NIOAsyncTestingChannel()
        let task = Task {
            try await IIIFClientWatch.watching(channel) { cancellation in
                while !cancellation.isCancelled { try? await Task.sleep(for: .milliseconds(5)) }
                return true
            }
        }
        task.cancel()
        let value = try await task.value
        XCTAssertTrue(value)
    }
}
