import Hummingbird
import NIOCore
import SohoaCatalog

/// Who is asking, in which language, with which CSRF token: filled in by the middlewares before
/// any route runs (`LanguageMiddleware`, then `SessionMiddleware`).
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in user, or `nil` for a reader who is not signed in.
    public var user: SignedInUser?
    /// The token every form must send back as `_csrf` (the session's, or a sign-in form's).
    public var csrfToken: String = ""
    /// The page language.
    public var language: UILanguage = .vi
    /// This page's path and query without `lang`, for the language switch (set by `LanguageMiddleware`).
    public var pathWithoutLanguage = "/"
    /// The connection the request came on (IIIF stops making an image for a client that went away).
    public let channel: any Channel

    /// The IP address of the connection's other end (`nil` when the router is driven in-process).
    public var remoteAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
        channel = source.channel
    }

    /// The hidden form field carrying the CSRF token; put it in every `<form method="post">`.
    public var csrfField: HTML {
        "<input type=\"hidden\" name=\"_csrf\" value=\"\(csrfToken)\">"
    }

    /// Whether the reader may see an item with this access level (closed: nobody, through the server).
    public func mayRead(_ access: AccessLevel) -> Bool {
        switch access {
        case .public: true
        case .restricted: user != nil
        case .closed: false
        }
    }

    /// Whether the reader may see an item with this access level held by this library: a restricted
    /// item only by signed-in staff whose scope includes the library.
    public func mayRead(_ access: AccessLevel, libraryCode: String) -> Bool {
        switch access {
        case .public: true
        case .restricted: user?.scope.includes(libraryCode) ?? false
        case .closed: false
        }
    }

    /// The signed-in user when their role passes `allowed`; otherwise throws: 401 (redirect to sign-in
    /// for HTML) when nobody is signed in, 403 when the role is not enough.
    public func requireUser(where allowed: (UserRole) -> Bool) throws -> SignedInUser {
        guard let user else { throw HTTPError(.unauthorized) }
        guard allowed(user.role) else { throw HTTPError(.forbidden) }
        return user
    }
}

/// A user signed in to `sohoa serve`.
public struct SignedInUser: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var displayName: String?
    public var role: UserRole
    /// The library the user works for (`nil`: every library).
    public var libraryCode: String?
    /// Which libraries' items the user works on.
    public var scope: AccessScope

    public init(
        id: Int64, name: String, displayName: String?, role: UserRole, libraryCode: String? = nil, scope: AccessScope = .everything
    ) {
        self.id = id
        self.name = name
        self.displayName = displayName
        self.role = role
        self.libraryCode = libraryCode
        self.scope = scope
    }
}
