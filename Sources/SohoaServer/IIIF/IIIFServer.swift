import Foundation
import Hummingbird
import SohoaCatalog
import SohoaSharing

/// What the IIIF routes do, with the state they share: the image service with its caches and a
/// cache of built manifests (keyed by item, OCFL version and public address).
final class IIIFServer: Sendable {
    let services: ServerServices
    let archive: IIIFArchive
    let images = IIIFImageService()
    private let manifests = IIIFCache<[UInt8]>(budget: 16 << 20)

    init(services: ServerServices) {
        self.services = services
        archive = IIIFArchive(services: services)
    }

    /// The URL builder for answers to `request`: the configured public address, or (when the server
    /// was started on an ephemeral port, as tests do) the address the client used.
    func links(for request: Request) -> IIIFLinks {
        let configured = services.options.publicURL
        if configured.hasSuffix(":0"), let host = request.head.authority {
            return IIIFLinks(baseURL: "http://\(host)")
        }
        return IIIFLinks(baseURL: configured)
    }

    func info(pageID: String, request: Request, context: AppRequestContext) async throws -> Response {
        let (source, access) = try archive.imageSource(pageID: pageID, context: context)
        let size = try await mappingAsync { () async throws(IIIFError) in try await images.size(of: source) }
        let document = IIIFImageInfo.document(
            id: links(for: request).imageService(pageID: Int64(pageID) ?? 0), width: size.width, height: size.height)
        return IIIFResponses.json(document, profile: IIIFImageInfo.context, request: request, ldByDefault: false, access: access)
    }

    func image(
        pageID: String, region: String, size: String, rotation: String, file: String, context: AppRequestContext
    ) async throws -> Response {
        let (source, access) = try archive.imageSource(pageID: pageID, context: context)
        let parsed = try mapping { () throws(IIIFError) in
            try IIIFImageRequest(region: region, size: size, rotation: rotation, qualityAndFormat: file)
        }
        let rendered = try await mappingAsync { () async throws(IIIFError) in
            try await images.render(parsed, from: source, cacheKey: "\(region)/\(size)/\(rotation)/\(file)")
        }
        return IIIFResponses.image(rendered, access: access)
    }

    func manifest(itemID: String, request: Request, context: AppRequestContext) async throws -> Response {
        let visible = try archive.item(itemID, context: context)
        let links = links(for: request)
        let key = "\(visible.item.id)\u{0}\(visible.item.ocflVersion ?? "")\u{0}\(links.baseURL)"
        if let cached = manifests.value(for: key) {
            return IIIFResponses.json(
                bytes: cached, profile: IIIFManifestBuilder.context, request: request, ldByDefault: true, access: visible.access)
        }
        var canvases: [IIIFCanvasPage] = []
        for page in try services.catalog.pages(itemID: visible.item.id) {
            guard let pageID = page.id, visible.files["access/\(page.name).png"] != nil,
                let source = try archive.imageSource(page, in: visible)
            else { continue }
            let size = try await mappingAsync { () async throws(IIIFError) in try await images.size(of: source) }
            var canvas = IIIFCanvasPage(
                pageID: pageID, name: page.name, sequence: page.sequence, width: size.width, height: size.height,
                hasALTO: visible.files["alto/\(page.name).xml"] != nil, hasHOCR: visible.files["hocr/\(page.name).hocr"] != nil)
            if canvas.hasALTO, let alto = try archive.contents(of: "alto/\(page.name).xml", in: visible) {
                canvas.lines = try mapping { () throws(IIIFError) in try ALTOLineReader.lines(in: alto) }
            }
            if canvas.lines.isEmpty, let text = try archive.contents(of: "text/\(page.name).txt", in: visible) {
                canvas.text = String(decoding: text, as: UTF8.self)
            }
            canvases.append(canvas)
        }
        guard !canvases.isEmpty else { throw HTTPError(.notFound, message: "item '\(itemID)' has no pages to show") }
        let builder = IIIFManifestBuilder(links: links, repositoryName: services.options.sharing.repositoryName)
        let bytes = Array(builder.manifest(item: visible.item, pages: canvases).data())
        manifests.insert(bytes, for: key, cost: bytes.count)
        return IIIFResponses.json(
            bytes: bytes, profile: IIIFManifestBuilder.context, request: request, ldByDefault: true, access: visible.access)
    }

    func collection(libraryCode: String, request: Request, context: AppRequestContext) throws -> Response {
        let levels = Set(AccessLevel.allCases.filter { context.mayRead($0) })
        let items = try services.catalog.iiifCollectionItems(libraryCode: libraryCode, access: levels)
        guard !items.isEmpty else { throw HTTPError(.notFound, message: "no library '\(libraryCode)' with items to show here") }
        let builder = IIIFManifestBuilder(links: links(for: request), repositoryName: services.options.sharing.repositoryName)
        // A restricted item in the list makes the whole answer private.
        let access: AccessLevel = levels.contains(.restricted) && context.user != nil ? .restricted : .public
        return IIIFResponses.json(
            builder.collection(libraryCode: libraryCode, items: items), profile: IIIFManifestBuilder.context, request: request,
            ldByDefault: true, access: access)
    }

    func ocrFile(
        itemID: String, pageName: String, folder: String, suffix: String, contentType: String, context: AppRequestContext
    ) throws -> Response {
        let visible = try archive.item(itemID, context: context)
        guard let data = try archive.contents(of: "\(folder)/\(pageName)\(suffix)", in: visible) else {
            throw HTTPError(.notFound, message: "item '\(itemID)' has no \(folder) file for page '\(pageName)'")
        }
        return IIIFResponses.file(data, contentType: contentType, access: visible.access)
    }

    /// Runs `body`, turning a `IIIFError` into the HTTP error it stands for.
    private func mappingAsync<T>(_ body: () async throws(IIIFError) -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            throw IIIFResponses.error(error)
        }
    }

    private func mapping<T>(_ body: () throws(IIIFError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw IIIFResponses.error(error)
        }
    }
}
