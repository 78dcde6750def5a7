import NIOCore
import SohoaSharing

/// Cancels a render when its client goes away. Hummingbird does not cancel a handler whose
/// connection closes (its server allows half-closed connections), so this handler, put at the end
/// of the connection's pipeline while the image is made, turns the end of the client's input or of
/// the connection into a cancelled `IIIFCancellation`.
final class IIIFClientWatch: ChannelInboundHandler, RemovableChannelHandler, Sendable {
    typealias InboundIn = NIOAny

    private let cancellation: IIIFCancellation

    private init(_ cancellation: IIIFCancellation) {
        self.cancellation = cancellation
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.fireChannelRead(data)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed { cancellation.cancel() }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        cancellation.cancel()
        context.fireChannelInactive()
    }

    /// Runs `body` with a cancellation that fires when the client of `channel` goes away (or the
    /// task is cancelled); the watch is removed afterwards.
    static func watching<T>(
        _ channel: any Channel, _ body: (IIIFCancellation) async throws -> T
    ) async throws -> T {
        let cancellation = IIIFCancellation()
        let watch = IIIFClientWatch(cancellation)
        // A connection already closed has no pipeline to watch: nobody is waiting.
        let added = (try? await channel.pipeline.addHandler(watch).get()) != nil
        if !added { cancellation.cancel() }
        defer {
            if added { channel.pipeline.removeHandler(watch, promise: nil) }
        }
        return try await withTaskCancellationHandler {
            try await body(cancellation)
        } onCancel: {
            cancellation.cancel()
        }
    }
}
