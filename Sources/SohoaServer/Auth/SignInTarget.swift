import SohoaCatalog

/// Where to go after signing in: the page the reader came from when it is a path on this server,
/// else the home of the user's role.
enum SignInTarget {
    /// `next` when it is a local path (one `/`, then no `/` or `\`; no scheme, no control
    /// characters or spaces), else `nil` — so `//evil.example` or `https://evil.example` never
    /// become a redirect off this server.
    static func safeLocalPath(_ next: String?) -> String? {
        guard let next, next.utf8.count <= 2048, next.hasPrefix("/") else { return nil }
        let scalars = Array(next.unicodeScalars)
        if scalars.count > 1, scalars[1] == "/" || scalars[1] == "\\" { return nil }
        for scalar in scalars {
            if scalar == "\\" || scalar.value < 0x21 || scalar.value == 0x7F { return nil }
        }
        return next
    }

    /// The first page of a role: the review queue for archivists, the dashboard for managers,
    /// the home page for everyone else.
    static func home(of role: UserRole) -> String {
        switch role {
        case .archivist: "/review"
        case .manager: "/dashboard"
        case .scanner, .admin: "/"
        }
    }

    /// Where to go after `role` signed in having asked for `next`.
    static func location(next: String?, role: UserRole) -> String {
        safeLocalPath(next) ?? home(of: role)
    }
}
