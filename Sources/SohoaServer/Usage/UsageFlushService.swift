import Foundation
import ServiceLifecycle
import SohoaCatalog

/// Writes the usage counter's sums to the catalog every few seconds (one transaction each), and once
/// more when the server stops, so that counting never waits on the catalog inside a request.
struct UsageFlushService: Service {
    let counter: UsageCounter
    let catalog: Catalog
    /// How often the sums are written.
    var interval: Duration = .seconds(5)

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            // Ends early on a graceful shutdown (the sleep is cancelled), so stopping is quick.
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            flush()
        }
        flush()
    }

    private func flush() {
        do {
            try counter.flush(to: catalog)
        } catch  where error.kind == .outcomeUnknown {
            FileHandle.standardError.write(
                Data(
                    ("sohoa serve: không rõ số liệu truy cập đã được ghi chưa, không ghi lại để khỏi đếm hai lần / whether the usage "
                        + "figures were written is unknown; not written again, so as not to count them twice: \(error)\n").utf8))
        } catch {
            FileHandle.standardError.write(
                Data(
                    "sohoa serve: không ghi được số liệu truy cập, sẽ thử lại / the usage figures could not be written, will retry: \(error)\n"
                        .utf8))
        }
    }
}
