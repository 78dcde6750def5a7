import Foundation
import Hummingbird
import SohoaCatalog
import SohoaSharing

/// `POST /api/login`: a name and password (JSON) for a token that scripts send as
/// `Authorization: Bearer`. The same password check and sign-in throttle as the web sign-in; the
/// catalog keeps only the token's SHA-256.
enum APILoginRoutes {
    static func add(to router: Router<AppRequestContext>, services: ServerServices) {
        router.post(RouterPath(SubmissionAPI.loginPath)) { request, context -> Response in
            try await login(request, context: context, services: services)
        }
    }

    private static func login(_ request: Request, context: AppRequestContext, services: ServerServices) async throws -> Response {
        let body = try await request.body.collect(upTo: 16 << 10)
        guard let sent = try? JSONDecoder.submission.decode(LoginRequest.self, from: Data(body.readableBytesView)) else {
            return APIResponse.refusal(.badRequest, "send JSON {\"name\": …, \"password\": …}")
        }
        let name = String(sent.name.trimmingCharacters(in: .whitespacesAndNewlines).prefix(200))
        let password = String(sent.password.prefix(1024))
        let reservation = services.signIns.reserve(address: ClientAddress.of(request, context: context), name: name)
        if reservation.notBefore > .now { try await Task.sleep(until: reservation.notBefore) }
        let user = name.isEmpty ? nil : try services.catalog.user(name: name)
        let hash = user?.passwordHash
        let matches = try await services.passwordChecks.run {
            PasswordHasher.verify(password, hash: hash ?? DummyHash.value) && hash != nil
        }
        guard matches, let user, let userID = user.id, !user.disabled else {
            if let userID = user?.id { try services.catalog.recordFailedSignIn(userID: userID) }
            return APIResponse.refusal(.unauthorized, "tên hoặc mật khẩu không đúng (wrong name or password)")
        }
        services.signIns.succeeded(reservation)
        let token = SessionToken.random()
        let now = Date()
        let expires = now.addingTimeInterval(services.options.submissions.tokenLifetime)
        try services.catalog.recordSuccessfulSignIn(userID: userID)
        try services.catalog.createApiToken(
            ApiTokenRecord(tokenHash: SessionToken.hash(token), userID: userID, createdAt: now, expiresAt: expires))
        return APIResponse.json(LoginResponse(token: token, name: user.name, role: user.role.rawValue, expiresAt: expires))
    }
}
