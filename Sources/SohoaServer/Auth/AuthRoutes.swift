import Foundation
import Hummingbird
import SohoaCatalog

/// Signing in and out (DESIGN §9): `GET /login` shows the form, `POST /login` checks the password
/// (bcrypt), starts a session and redirects, `POST /logout` ends it. The CSRF check is done by
/// `SessionMiddleware` before these run.
enum AuthRoutes {
    static func add(to router: Router<AppRequestContext>, services: ServerServices) {
        router.get("/login") { request, context -> Response in
            let next = SignInTarget.safeLocalPath(request.uri.queryParameters.get("next"))
            return .html(SignInPage.page(context: context, next: next))
        }
        router.post("/login") { request, context -> Response in
            try await signIn(request, context: context, services: services)
        }
        router.post("/logout") { request, _ -> Response in
            let name = AuthCookies.name(AuthCookies.session, secure: services.options.secureCookies)
            if let token = request.cookies[name]?.value, SessionToken.isWellFormed(token) {
                try services.catalog.deleteSession(tokenHash: SessionToken.hash(token))
            }
            var response = Response.seeOther("/")
            response.setCookie(AuthCookies.cleared(AuthCookies.session, secure: services.options.secureCookies))
            return response
        }
    }

    /// Checks the name and password; on success a new session and a redirect, else the form again.
    /// The attempt is counted (and waits its turn, see `SignInThrottle`) before bcrypt runs, on the
    /// password pool's own thread.
    private static func signIn(_ request: Request, context: AppRequestContext, services: ServerServices) async throws -> Response {
        let form = try await FormFields.read(request, context: context)
        let name = String((form["name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(200))
        let password = String((form["password"] ?? "").prefix(1024))
        let next = SignInTarget.safeLocalPath(form["next"])
        let catalog = services.catalog

        let reservation = services.signIns.reserve(address: ClientAddress.of(request, context: context), name: name)
        if reservation.notBefore > .now { try await Task.sleep(until: reservation.notBefore) }

        let user = name.isEmpty ? nil : try catalog.user(name: name)
        let hash = user?.passwordHash
        let matches = try await services.passwordChecks.run {
            // Unknown names cost as much time as known ones, so timing does not reveal them either.
            PasswordHasher.verify(password, hash: hash ?? DummyHash.value) && hash != nil
        }
        guard matches, let user, let userID = user.id, !user.disabled else {
            if let userID = user?.id { try catalog.recordFailedSignIn(userID: userID) }
            return .html(
                SignInPage.page(context: context, next: next, name: name, error: SignInPage.failureMessage(context.language)),
                status: .unauthorized)
        }
        services.signIns.succeeded(reservation)

        let token = SessionToken.random()
        let now = Date()
        let lifetime = services.options.sessionLifetime
        try catalog.write { tx throws(CatalogError) in
            try tx.recordSuccessfulSignIn(userID: userID)
            try tx.purgeExpiredSessions(at: now)
            try tx.createSession(
                SessionRecord(
                    tokenHash: SessionToken.hash(token), userID: userID, csrfToken: SessionToken.random(), createdAt: now,
                    expiresAt: now.addingTimeInterval(lifetime)))
        }
        let secure = services.options.secureCookies
        var response = Response.seeOther(SignInTarget.location(next: next, role: user.role))
        response.setCookie(AuthCookies.session(token, lifetime: lifetime, secure: secure))
        response.setCookie(AuthCookies.cleared(AuthCookies.anonymousCSRF, secure: secure))
        return response
    }
}

/// A bcrypt hash no password matches in practice, checked for names that do not exist.
enum DummyHash {
    static let value =
        (try? PasswordHasher(cost: (try? PasswordHasher.fromEnvironment().cost) ?? PasswordHasher.defaultCost)
            .hash(SessionToken.random())) ?? ""
}
