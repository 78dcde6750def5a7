import Foundation
import Synchronization

/// Slows repeated sign-in attempts, counted per client address and per (address, account name)
/// pair. Every attempt is reserved before its password is checked, so parallel guesses are counted
/// as they start and wait as if they had been sent one after another: the first attempts of a key
/// go at once, then each further one waits 1 s, 2 s, 4 s … (at most 30 s) after the one before.
///
/// - A pair (one address guessing one account) goes free three times.
/// - An address goes free ten times across all names (a reading room's computers may share one
///   address), so trying many names, existing or not, from one address is slowed alike.
/// - Someone else's failures never delay a sign-in from another address: there is no delay kept
///   per account alone. A success forgets its pair's failures; it does not reset the address.
/// - Keys with no attempt for 15 minutes are forgotten; at most `rememberedKeys` are kept.
final class SignInThrottle: Sendable {
    /// Attempts of one address at one account answered without waiting.
    static let freeAttemptsPerPair = 3
    /// Attempts of one address, at any names, answered without waiting.
    static let freeAttemptsPerAddress = 10
    /// The longest wait between two attempts of one key.
    static let maximumDelay: Duration = .seconds(30)
    /// A key without attempts for this long starts again from zero.
    static let forgetAfter: Duration = .seconds(15 * 60)
    /// How many keys are remembered (all are forgotten at once beyond, the simplest bound).
    static let rememberedKeys = 50_000

    /// An attempt counted before its password is checked: when it may be checked.
    struct Reservation: Sendable {
        var address: String
        var name: String
        /// The attempt waits until then before its password is checked.
        var notBefore: ContinuousClock.Instant
    }

    private struct Record {
        /// Attempts counted (a success takes its own back).
        var attempts = 0
        /// When the latest attempt of this key may be checked.
        var lastSlot: ContinuousClock.Instant
    }

    private let records = Mutex<[String: Record]>([:])

    init() {}

    /// How long attempt number `attempt` (0-based) of a key waits after the previous one, when the
    /// first `free` attempts do not wait.
    static func delay(attempt: Int, free: Int) -> Duration {
        guard attempt >= free else { return .zero }
        let exponent = min(attempt - free, 5)
        return min(.seconds(1 << exponent), maximumDelay)
    }

    /// Counts an attempt of `address` at `name` and says when its password may be checked.
    func reserve(address: String, name: String, now: ContinuousClock.Instant = .now) -> Reservation {
        let keys = [(Self.addressKey(address), Self.freeAttemptsPerAddress), (Self.pairKey(address, name), Self.freeAttemptsPerPair)]
        let notBefore = records.withLock { records -> ContinuousClock.Instant in
            if records.count >= Self.rememberedKeys { records.removeAll(keepingCapacity: true) }
            var latest = now
            for (key, free) in keys {
                var record = records[key] ?? Record(lastSlot: now)
                if now - record.lastSlot > Self.forgetAfter { record = Record(lastSlot: now) }
                let slot = max(now, record.lastSlot) + Self.delay(attempt: record.attempts, free: free)
                record.attempts += 1
                record.lastSlot = slot
                records[key] = record
                latest = max(latest, slot)
            }
            return latest
        }
        return Reservation(address: address, name: name, notBefore: notBefore)
    }

    /// The attempt signed in: its pair starts again from zero, and it is no longer counted for its address.
    func succeeded(_ reservation: Reservation) {
        records.withLock { records in
            records[Self.pairKey(reservation.address, reservation.name)] = nil
            let key = Self.addressKey(reservation.address)
            if let attempts = records[key]?.attempts { records[key]?.attempts = max(0, attempts - 1) }
        }
    }

    /// Attempts counted for `address` at `name`, and for `address` alone.
    func attempts(address: String, name: String) -> (pair: Int, address: Int) {
        records.withLock { records in
            (records[Self.pairKey(address, name)]?.attempts ?? 0, records[Self.addressKey(address)]?.attempts ?? 0)
        }
    }

    private static func addressKey(_ address: String) -> String {
        "a " + address
    }

    private static func pairKey(_ address: String, _ name: String) -> String {
        "p " + address + " " + name.precomposedStringWithCanonicalMapping.lowercased()
    }
}
