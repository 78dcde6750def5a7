import Crypto
import Foundation
import SohoaArchive

/// Keys that tell visits apart without keeping who made them: an HMAC-SHA256 of the client's address
/// and `User-Agent` under a random salt made for the day (UTC). The salt lives only in memory and is
/// replaced when the day changes, so yesterday's keys cannot be linked to today's, and nothing written
/// anywhere can be traced back to an address.
struct VisitKeys: Sendable {
    /// The day (`yyyy-MM-dd`) the salt is for.
    private(set) var day: String
    /// 32 random bytes (kept as bytes: `SymmetricKey` is not `Sendable` in this swift-crypto).
    private var salt: [UInt8]

    /// Keys for `day`, with a fresh random salt.
    init(day: String) {
        self.day = day
        salt = Self.randomSalt()
    }

    /// Whether keys for `day` need a new salt (the day changed).
    func isStale(for day: String) -> Bool { day != self.day }

    /// A fresh salt for `day`.
    mutating func rotate(to day: String) {
        self.day = day
        salt = Self.randomSalt()
    }

    private static func randomSalt() -> [UInt8] {
        SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
    }

    /// The visit key of a client on the salt's day: 32 hexadecimal digits.
    func key(address: String, userAgent: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data("\(address)\n\(userAgent)".utf8), using: SymmetricKey(data: salt))
        return Hex.string(code.prefix(16))
    }
}
