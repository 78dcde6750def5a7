import Foundation
import HTTPTypes
import Hummingbird

/// The address a request comes from, for counting sign-in attempts: the connection's peer; when the
/// peer is this machine (a reverse proxy such as nginx in front of `sohoa serve`, or a test driving
/// the router in-process), the last address the proxy appended to `X-Forwarded-For`. A header sent
/// from elsewhere is ignored, so readers cannot choose their own address.
enum ClientAddress {
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!

    /// The address of `request` as seen by the server, in text.
    static func of(_ request: Request, context: AppRequestContext) -> String {
        let peer = context.remoteAddress
        if peer == nil || isLoopback(peer ?? ""),
            let forwarded = request.headers[forwardedFor]?.split(separator: ",").last?.trimmingCharacters(in: .whitespaces),
            !forwarded.isEmpty
        {
            return String(forwarded.prefix(64))
        }
        return peer ?? "unknown"
    }

    /// `127.x.x.x`, `::1` or `::ffff:127.x.x.x`.
    static func isLoopback(_ address: String) -> Bool {
        address == "::1" || address.hasPrefix("127.") || address.hasPrefix("::ffff:127.")
    }
}
