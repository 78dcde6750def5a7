import Foundation
import Hummingbird

extension UsageCounter {
    /// Counts `event` for the client that sent `request`: its address as `ClientAddress` sees it (a
    /// proxy's `X-Forwarded-For` only from this machine) and its `User-Agent`.
    @discardableResult
    func record(_ event: UsageEvent, request: Request, context: AppRequestContext) -> Bool {
        record(event, address: ClientAddress.of(request, context: context), userAgent: request.headers[.userAgent] ?? "")
    }
}
