import Dispatch
import Foundation
import SohoaCollection

/// Runs the review's archive writes one at a time on a queue of their own: a save reads the item's
/// head version and writes the next, so two saves of pages of the same item must not interleave, and
/// the file work must not hold up the server's cooperative threads.
///
/// It also owns the timer that writes review drafts left alone for the quiet period as versions.
///
/// `@unchecked Sendable`: its only state is the queue and the timer, set in `init` and cancelled in
/// `deinit`; Dispatch objects may be used from any thread.
final class ReviewWriter: @unchecked Sendable {
    private let queue = DispatchQueue(label: "sohoa.review.writer")
    private let timer: (any DispatchSourceTimer)?

    /// A writer; with `session`, drafts idle for `quietPeriod` seconds are written as versions
    /// (checked every quarter of it, at most every 30 seconds).
    init(session: ArchiveSession? = nil, quietPeriod: TimeInterval = 120) {
        guard let session, quietPeriod > 0 else {
            timer = nil
            return
        }
        let timer = DispatchSource.makeTimerSource(queue: queue)
        let interval = min(30, max(1, quietPeriod / 4))
        timer.schedule(deadline: .now() + interval, repeating: interval)
        timer.setEventHandler {
            _ = try? PageCorrection(session: session).flushDrafts(quietPeriod: quietPeriod) { draft, error in
                FileHandle.standardError.write(
                    Data("sohoa serve: the saved review of page \(draft.pageID) could not be archived yet: \(error)\n".utf8))
            }
        }
        timer.resume()
        self.timer = timer
    }

    deinit { timer?.cancel() }

    /// Runs `work` on the writer's queue and returns its result.
    func run<T: Sendable, Failure: Error>(_ work: @escaping @Sendable () throws(Failure) -> T) async throws(Failure) -> T {
        let result: Result<T, Failure> = await withCheckedContinuation { continuation in
            queue.async {
                do throws(Failure) {
                    continuation.resume(returning: .success(try work()))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        return try result.get()
    }
}
