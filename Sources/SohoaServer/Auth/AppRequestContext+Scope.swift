import Hummingbird
import SohoaCatalog

extension AppRequestContext {
    /// The libraries whose items the signed-in user works on (every library for a reader who is not
    /// signed in: what they may read is decided by access levels alone).
    var scope: AccessScope { user?.scope ?? .everything }

    /// Throws 404 when an item of `libraryCode` is outside the signed-in user's scope: another
    /// library's items are answered as if they did not exist, never 403, never naming the library.
    func requireInScope(_ libraryCode: String) throws {
        guard scope.includes(libraryCode) else { throw HTTPError(.notFound) }
    }
}
