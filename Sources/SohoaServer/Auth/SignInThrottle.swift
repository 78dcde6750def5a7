import Foundation
import Synchronization

/// Slows repeated failed sign-ins for one name: the first three attempts are answered at once,
/// then each further attempt waits 1 s, 2 s, 4 s … up to 30 s until a sign-in succeeds.
/// Counts for names in the catalog live in `users.failedSignIns` (so they survive a restart);
/// counts for names that are not there are kept here, so both are slowed alike and the delay
/// tells nothing about which names exist.
final class SignInThrottle: Sendable {
    /// Attempts answered without waiting.
    static let freeAttempts = 3
    /// The longest wait.
    static let maximumDelay: Duration = .seconds(30)
    /// How many unknown names are remembered (the oldest counts are forgotten first).
    static let rememberedNames = 10_000

    private let unknownNames = Mutex<[String: Int]>([:])

    init() {}

    /// How long an attempt waits after `failures` consecutive failed ones.
    static func delay(afterFailures failures: Int) -> Duration {
        guard failures >= freeAttempts else { return .zero }
        let exponent = min(failures - freeAttempts, 5)
        return min(.seconds(1 << exponent), maximumDelay)
    }

    /// Consecutive failures for a name the catalog does not have.
    func failures(unknownName name: String) -> Int {
        unknownNames.withLock { $0[Self.key(name)] ?? 0 }
    }

    /// Counts one more failure for a name the catalog does not have.
    func recordFailure(unknownName name: String) {
        unknownNames.withLock { counts in
            if counts.count >= Self.rememberedNames { counts.removeAll(keepingCapacity: true) }
            counts[Self.key(name), default: 0] += 1
        }
    }

    private static func key(_ name: String) -> String {
        name.precomposedStringWithCanonicalMapping.lowercased()
    }
}
