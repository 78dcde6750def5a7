import Foundation
import Hummingbird
import SohoaArchive
import SohoaCatalog
import SohoaCollection
import SohoaSharing

/// What the IIIF routes do, with the state they share: the image service with its caches and
/// render queue (limits and sizes from `sharing.iiif`), and a cache of built manifests (keyed by
/// item, OCFL version and public address).
final class IIIFServer: Sendable {
    let services: ServerServices
    let archive: IIIFArchive
    let images: IIIFImageService
    private let manifests = IIIFCache<[UInt8]>(budget: 16 << 20)

    init(services: ServerServices) {
        self.services = services
        archive = IIIFArchive(services: services)
        images = IIIFImageService(settings: services.options.sharing.iiif)
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
        let (source, access, _, _) = try archive.imageSource(pageID: pageID, context: context)
        let size = try await mappingAsync(context) { () async throws(IIIFError) in try await images.size(of: source) }
        let document = IIIFImageInfo.document(
            id: links(for: request).imageService(pageID: Int64(pageID) ?? 0), width: size.width, height: size.height,
            limits: images.settings.limits)
        return IIIFResponses.json(document, profile: IIIFImageInfo.context, request: request, ldByDefault: false, access: access)
    }

    /// An image: the request resolved to its canonical plan (so equivalent requests share the cache
    /// and the ETag, and a client holding it gets 304 without any rendering), then rendered on the
    /// bounded queue, stopping if the client goes away; 503 with `Retry-After` when the queue is full.
    func image(
        pageID: String, region: String, size: String, rotation: String, file: String, request: Request, context: AppRequestContext
    ) async throws -> Response {
        let (source, access, page, item) = try archive.imageSource(pageID: pageID, context: context)
        let parsed = try mapping(context) { () throws(IIIFError) in
            try IIIFImageRequest(region: region, size: size, rotation: rotation, qualityAndFormat: file)
        }
        let plan = try await mappingAsync(context) { () async throws(IIIFError) in try await images.plan(parsed, for: source) }
        let tag = IIIFResponses.etag(Array(images.key(of: plan, for: source).utf8))
        var cached: HTTPFields = [.vary: "Cookie"]
        cached[.cacheControl] = access == .public ? IIIFResponses.publicCacheControl : IIIFResponses.restrictedCacheControl
        cached[.eTag] = tag
        // A reader seeing the page, whether the image is made now or their browser has it: counted once
        // per page and visit, however many tiles (`UsageCounter`).
        let seen = UsageEvent.pageView(pageID: page.id ?? 0, itemID: item.id, libraryCode: item.libraryCode)
        if let notModified = IIIFResponses.notModified(request, etag: tag, access: access, headers: cached) {
            services.usage.record(seen, request: request, context: context)
            return notModified
        }
        do {
            let rendered = try await IIIFClientWatch.watching(context.channel) { cancellation in
                try await mappingAsync(context, passing: [.busy, .cancelled]) { () async throws(IIIFError) in
                    try await images.render(plan, from: source, cancellation: cancellation)
                }
            }
            services.usage.record(seen, request: request, context: context)
            return IIIFResponses.image(rendered, etag: tag, access: access)
        } catch let error as IIIFError {
            // Busy, or the client went away (nobody reads this answer).
            context.logger.notice("IIIF: image \(pageID) \(plan.canonical): \(error.message); answered 503")
            return IIIFResponses.busy(error)
        }
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
        // Canvases are numbered by their page's place among the version's pages (each has its access
        // copy), as its labels and contents are: a split spread's halves share their scan's sequence.
        var position = 0
        for page in try services.catalog.pages(itemID: visible.item.id) {
            guard let pageID = page.id, visible.files["access/\(page.name).png"] != nil else { continue }
            position += 1
            guard let source = try archive.imageSource(page, in: visible) else { continue }
            let size = try await mappingAsync(context) { () async throws(IIIFError) in try await images.size(of: source) }
            var canvas = IIIFCanvasPage(
                pageID: pageID, name: page.name, sequence: position, width: size.width, height: size.height,
                hasALTO: visible.files["alto/\(page.name).xml"] != nil, hasHOCR: visible.files["hocr/\(page.name).hocr"] != nil)
            if canvas.hasALTO, let alto = try archive.contents(of: "alto/\(page.name).xml", in: visible) {
                canvas.lines = try mapping(context) { () throws(IIIFError) in try IIIFTextLine.lines(inALTO: alto) }
            }
            if canvas.lines.isEmpty, let text = try archive.contents(of: "text/\(page.name).txt", in: visible) {
                canvas.text = String(decoding: text, as: UTF8.self)
            }
            canvases.append(canvas)
        }
        guard !canvases.isEmpty else { throw HTTPError(.notFound, message: "item '\(itemID)' has no pages to show") }
        var builder = IIIFManifestBuilder(links: links, repositoryName: services.options.sharing.repositoryName)
        builder.fallbackRights = services.options.rights.statement(library: visible.item.libraryCode, collection: visible.item.type)?.uri
        let structure = try services.catalog.structureJSON(itemID: visible.item.id).flatMap(ItemStructure.init(json:)) ?? ItemStructure()
        let bytes = Array(builder.manifest(item: visible.item, pages: canvases, structure: structure).data())
        manifests.insert(bytes, for: key, cost: bytes.count)
        return IIIFResponses.json(
            bytes: bytes, profile: IIIFManifestBuilder.context, request: request, ldByDefault: true, access: visible.access)
    }

    func collection(libraryCode: String, request: Request, context: AppRequestContext) throws -> Response {
        // Another library's restricted items are not listed to a district library's staff.
        let levels = Set(AccessLevel.allCases.filter { context.mayRead($0, libraryCode: libraryCode) })
        let items = try services.catalog.iiifCollectionItems(libraryCode: libraryCode, access: levels)
        guard !items.isEmpty else { throw HTTPError(.notFound, message: "no library '\(libraryCode)' with items to show here") }
        let builder = IIIFManifestBuilder(links: links(for: request), repositoryName: services.options.sharing.repositoryName)
        // A restricted item in the list makes the whole answer private.
        let access: AccessLevel = levels.contains(.restricted) && context.user != nil ? .restricted : .public
        return IIIFResponses.json(
            builder.collection(libraryCode: libraryCode, items: items), profile: IIIFManifestBuilder.context, request: request,
            ldByDefault: true, access: access)
    }

    /// A page's ALTO or hOCR file as archived: data for viewers, never a page of this site (see
    /// `IIIFResponses.ocrFile`).
    func ocrFile(
        itemID: String, pageName: String, folder: String, suffix: String, contentType: String, request: Request,
        context: AppRequestContext
    ) throws -> Response {
        let visible = try archive.item(itemID, context: context)
        let path = "\(folder)/\(pageName)\(suffix)"
        guard let digest = visible.files[path], let data = try archive.contents(of: path, in: visible) else {
            throw HTTPError(.notFound, message: "item '\(itemID)' has no \(folder) file for page '\(pageName)'")
        }
        return IIIFResponses.ocrFile(
            data, contentType: contentType, fileName: "\(pageName)\(suffix)", etag: IIIFResponses.etag(Array(digest.utf8)),
            request: request, access: visible.access)
    }

    /// Runs `body`, turning a `IIIFError` into the HTTP error it stands for; server errors' details go
    /// to the log, not to the client. Kinds in `passing` are rethrown as they are.
    private func mappingAsync<T>(
        _ context: AppRequestContext, passing: Set<IIIFError.Kind> = [], _ body: () async throws(IIIFError) -> T
    ) async throws -> T {
        do {
            return try await body()
        } catch {
            if passing.contains(error.kind) { throw error }
            throw logged(error, context)
        }
    }

    private func mapping<T>(_ context: AppRequestContext, _ body: () throws(IIIFError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw logged(error, context)
        }
    }

    private func logged(_ error: IIIFError, _ context: AppRequestContext) -> HTTPError {
        if error.kind == .serverError { context.logger.error("IIIF: \(error.message): \(error.detail ?? "no details")") }
        return IIIFResponses.error(error)
    }
}
