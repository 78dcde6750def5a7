import Foundation
import HummingbirdBcrypt

/// Hashes and checks passwords with bcrypt (a slow hash, so a stolen catalog is slow to crack).
/// Passwords are compared in NFC, so the same password typed on any keyboard matches.
public struct PasswordHasher: Sendable {
    /// The cost used unless `SOHOA_BCRYPT_COST` says otherwise (2^12 rounds, about a quarter second).
    public static let defaultCost = 12
    /// The lowest cost bcrypt accepts; tests use it to run fast.
    public static let minimumCost = 4
    /// The environment variable that sets the cost.
    public static let costVariable = "SOHOA_BCRYPT_COST"
    /// Shorter passwords are refused.
    public static let minimumLength = 8
    /// Bcrypt reads at most 72 bytes; longer passwords are refused rather than silently cut.
    public static let maximumBytes = 72

    /// log2 of the number of bcrypt rounds.
    public let cost: Int

    /// A hasher with `cost`, kept within bcrypt's range 4…31.
    public init(cost: Int = PasswordHasher.defaultCost) {
        self.cost = min(max(cost, Self.minimumCost), 31)
    }

    /// A hasher with the cost from `SOHOA_BCRYPT_COST` (default 12); throws when it is not a number from 4 to 31.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(PasswordError) -> PasswordHasher {
        guard let text = environment[costVariable], !text.isEmpty else { return PasswordHasher() }
        guard let cost = Int(text), (minimumCost...31).contains(cost) else {
            throw PasswordError("\(costVariable) must be a number from \(minimumCost) to 31, got '\(text)'")
        }
        return PasswordHasher(cost: cost)
    }

    /// Refuses passwords that are too short or too long for bcrypt, with a plain message.
    public static func check(_ password: String) throws(PasswordError) {
        let password = password.precomposedStringWithCanonicalMapping
        if password.count < minimumLength {
            throw PasswordError(
                "mật khẩu phải có ít nhất \(minimumLength) ký tự (the password must have at least \(minimumLength) characters)")
        }
        if password.utf8.count > maximumBytes {
            throw PasswordError(
                "mật khẩu quá dài: tối đa \(maximumBytes) byte (the password is too long: at most \(maximumBytes) bytes in UTF-8)")
        }
    }

    /// The bcrypt hash of `password` after `check(_:)`. Slow on purpose: do not call it on a request's task.
    public func hash(_ password: String) throws(PasswordError) -> String {
        try Self.check(password)
        return Bcrypt.hash(password.precomposedStringWithCanonicalMapping, cost: UInt8(cost))
    }

    /// Whether `password` matches `hash`. Slow on purpose: do not call it on a request's task.
    public static func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password.precomposedStringWithCanonicalMapping, hash: hash)
    }
}

/// A password or a bcrypt setting that cannot be used; the message says why.
public struct PasswordError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
