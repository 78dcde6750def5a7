import Foundation
import Hummingbird
import SohoaCatalog
import SohoaSharing

extension IIIFServer {
    /// `/iiif/collection/<serial>`: the serial's issues the reader may see, by date; 404 when none.
    func collection(serial: String, request: Request, context: AppRequestContext) throws -> Response {
        let levels = Set(AccessLevel.allCases.filter { context.mayRead($0) })
        let issues = try services.catalog.serialIssues(serial: serial, access: levels)
        guard !issues.isEmpty else { throw HTTPError(.notFound, message: "no serial '\(serial)' with issues to show here") }
        let builder = IIIFManifestBuilder(links: links(for: request), repositoryName: services.options.sharing.repositoryName)
        // A restricted issue in the list makes the whole answer private.
        let access: AccessLevel = issues.contains { $0.access != .public } ? .restricted : .public
        return IIIFResponses.json(
            builder.collection(serial: serial, title: issues.serialTitle ?? serial, issues: issues.map(\.item)),
            profile: IIIFManifestBuilder.context, request: request, ldByDefault: true, access: access)
    }
}
