import Foundation
import Hummingbird

/// The cookies of signing in: `sohoa_session` (the session token) and `sohoa_csrf` (the CSRF
/// token of a reader who is not signed in, checked against the form's `_csrf`: double submit).
/// Both are HttpOnly, SameSite=Lax, for the whole site (`Path=/`, no `Domain`); behind HTTPS they are
/// Secure and their names carry the `__Host-` prefix, so browsers refuse them from plain HTTP or
/// from another host under the same domain.
enum AuthCookies {
    static let session = "sohoa_session"
    static let anonymousCSRF = "sohoa_csrf"
    /// The prefix of cookie names behind HTTPS.
    static let hostPrefix = "__Host-"

    /// The name the cookie `base` is sent under: with `__Host-` behind HTTPS.
    static func name(_ base: String, secure: Bool) -> String {
        secure ? hostPrefix + base : base
    }
    /// How long a sign-in form may stay open before it must be reloaded.
    static let anonymousCSRFLifetime = 2 * 3600

    static func session(_ token: String, lifetime: TimeInterval, secure: Bool) -> Cookie {
        Cookie(
            name: name(session, secure: secure), value: token, maxAge: Int(lifetime), path: "/", secure: secure, httpOnly: true,
            sameSite: .lax)
    }

    static func anonymousCSRF(_ token: String, secure: Bool) -> Cookie {
        Cookie(
            name: name(anonymousCSRF, secure: secure), value: token, maxAge: anonymousCSRFLifetime, path: "/", secure: secure,
            httpOnly: true,
            sameSite: .lax)
    }

    /// A cookie that makes the browser forget the cookie `base`.
    static func cleared(_ base: String, secure: Bool) -> Cookie {
        Cookie(name: name(base, secure: secure), value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }
}
