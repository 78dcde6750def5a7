import Dispatch

/// Runs the review's archive writes one at a time on a queue of their own: a save reads the item's
/// head version and writes the next, so two saves of pages of the same item must not interleave, and
/// the file work must not hold up the server's cooperative threads.
final class ReviewWriter: Sendable {
    private let queue = DispatchQueue(label: "sohoa.review.writer")

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
