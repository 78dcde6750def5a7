import Foundation
import Hummingbird

/// The cookies of signing in: `sohoa_session` (the session token) and `sohoa_csrf` (the CSRF
/// token of a reader who is not signed in, checked against the form's `_csrf`: double submit).
/// Both are HttpOnly, SameSite=Lax, for the whole site, and Secure behind HTTPS.
enum AuthCookies {
    static let session = "sohoa_session"
    static let anonymousCSRF = "sohoa_csrf"
    /// How long a sign-in form may stay open before it must be reloaded.
    static let anonymousCSRFLifetime = 2 * 3600

    static func session(_ token: String, lifetime: TimeInterval, secure: Bool) -> Cookie {
        Cookie(name: session, value: token, maxAge: Int(lifetime), path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    static func anonymousCSRF(_ token: String, secure: Bool) -> Cookie {
        Cookie(
            name: anonymousCSRF, value: token, maxAge: anonymousCSRFLifetime, path: "/", secure: secure, httpOnly: true,
            sameSite: .lax)
    }

    /// A cookie that makes the browser forget `name`.
    static func cleared(_ name: String, secure: Bool) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }
}
