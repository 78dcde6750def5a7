import Foundation
import HTTPTypes
import Hummingbird
import SohoaArchive
import SohoaCatalog

/// The public routes (DESIGN §9): home, search, item pages, page images and texts, item PDFs.
/// Access levels are checked by `ServedItem` on every item route and by the catalog's search filters.
enum PublicRoutes {
    static func add(to router: Router<AppRequestContext>, services: ServerServices) {
        router.get("/") { _, context -> Response in
            let overview = try services.catalog.collectionOverview(access: SearchFilters.readable(signedIn: context.user != nil))
            let title = context.language.pick("Thư viện số Lai Châu", "Lai Châu Digital Library")
            return .html(
                PageLayout.page(
                    title: title, context: context, body: HomePage.html(overview: overview, context: context), styles: [PublicStyle.url]))
        }
        router.get("/search") { request, context -> Response in
            try await search(request, context: context, services: services)
        }
        router.get("/items/:item") { request, context -> Response in
            try await services.pages.run { try item(request, context: context, services: services) }
        }
        router.get("/items/:item/pages/:page/image") { request, context -> Response in
            let served = try ServedItem.find(try context.parameters.require("item"), services: services, context: context)
            let page = try served.page(try context.parameters.require("page"), services: services)
            let url = try ArchivedFile.url(objectID: served.item.objectID, logicalPath: "access/\(page.name).png", root: services.root)
            let response = try await ArchivedFile.response(
                url, contentType: "image/png", cacheControl: served.cacheControl, context: context)
            if let pageID = page.id {
                services.usage.record(
                    .pageView(pageID: pageID, itemID: served.item.id, libraryCode: served.item.libraryCode), request: request,
                    context: context)
            }
            return response
        }
        router.get("/items/:item/pages/:page/text") { _, context -> Response in
            let served = try ServedItem.find(try context.parameters.require("item"), services: services, context: context)
            let page = try served.page(try context.parameters.require("page"), services: services)
            guard let id = page.id, let text = try services.catalog.pageText(pageID: id) else { throw HTTPError(.notFound) }
            return Response(
                status: .ok, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: served.cacheControl],
                body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        }
        router.get("/items/:item/pdf") { request, context -> Response in
            try await itemPDF(reading: false, request: request, context: context, services: services)
        }
        router.get("/items/:item/reading-pdf") { request, context -> Response in
            try await itemPDF(reading: true, request: request, context: context, services: services)
        }
    }

    /// `/items/<item-id>/pdf` (the archival PDF) or `/items/<item-id>/reading-pdf` (the compact one).
    /// Either counts as a download in the usage statistics.
    private static func itemPDF(
        reading: Bool, request: Request, context: AppRequestContext, services: ServerServices
    ) async throws -> Response {
        let served = try ServedItem.find(try context.parameters.require("item"), services: services, context: context)
        let id = served.item.id
        let path = reading ? ItemPDF.readingPath(itemID: id) : ItemPDF.archivalPath(itemID: id)
        let url = try ArchivedFile.url(objectID: served.item.objectID, logicalPath: path, root: services.root)
        let name = reading ? "\(id)-reading" : id
        let response = try await ArchivedFile.response(
            url, contentType: "application/pdf", cacheControl: served.cacheControl,
            disposition: "inline; filename=\"\(asciiFileName(name)).pdf\"; filename*=UTF-8''\(URLPath.component(name)).pdf",
            context: context)
        services.usage.record(.download(itemID: id, libraryCode: served.item.libraryCode), request: request, context: context)
        return response
    }

    /// `/search`: HTML, or JSON when the client accepts `application/json`. The search runs on the
    /// search pool's own threads (a few at once; beyond, 503 with `Retry-After`).
    private static func search(_ request: Request, context: AppRequestContext, services: ServerServices) async throws -> Response {
        let asked = try SearchRequest(FormQuery(query: request.uri.query ?? ""))
        let signedIn = context.user != nil
        let catalog = services.catalog
        let filters = asked.filters(signedIn: signedIn, scope: context.scope)
        let lane = services.searchLane(asked.query, filters: filters, limit: SearchRequest.pageSize, offset: asked.offset)
        let (page, overview, labels) = try await lane.run {
            let page = try catalog.search(asked.query, filters: filters, limit: SearchRequest.pageSize, offset: asked.offset)
            // Pages are named by their place in the version (a spread's halves share a sequence), labelled or not.
            let itemIDs = Set(page.results.map(\.hit.itemID))
            let structures = try catalog.structureJSONs(itemIDs: itemIDs).compactMapValues(ItemStructure.init(json:))
            var labels: [String: SearchResultsPage.ItemLabels] = [:]
            for (itemID, positions) in try catalog.pagePositions(itemIDs: itemIDs) {
                labels[itemID] = SearchResultsPage.ItemLabels(structure: structures[itemID], positions: positions)
            }
            return (page, try catalog.collectionOverview(access: SearchFilters.readable(signedIn: signedIn)), labels)
        }
        if asked.offset == 0 && !asked.query.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            // A new search (its further result pages are the same search).
            // Counted for a library only when the filter names one of the network's (codes come from the URL).
            let library = try filters.libraryCode.flatMap { try catalog.library(code: $0) }?.code
            services.usage.record(.search(query: asked.query, libraryCode: library), request: request, context: context)
        }
        if (request.headers[.accept] ?? "").contains("application/json") {
            var response = try Response.json(SearchResponse(asked, page: page))
            response.headers[.cacheControl] = "no-store"
            return response
        }
        let language = context.language
        let title =
            asked.query.isEmpty ? language.pick("Tìm kiếm", "Search") : language.pick("Tìm “\(asked.query)”", "Search for “\(asked.query)”")
        return .html(
            PageLayout.page(
                title: title, context: context,
                body: SearchResultsPage.html(asked, page: page, overview: overview, context: context, labels: labels),
                styles: [PublicStyle.url]))
    }

    /// `/items/<item-id>`.
    private static func item(_ request: Request, context: AppRequestContext, services: ServerServices) throws -> Response {
        let served = try ServedItem.find(try context.parameters.require("item"), services: services, context: context)
        let state = try services.root.headState(objectID: served.item.objectID) ?? [:]
        let pages = try services.catalog.exportablePages(itemID: served.item.id).map { export in
            ItemPage.Page(record: export.page, text: export.text, hasImage: state["access/\(export.page.name).png"] != nil)
        }
        let structure = try services.catalog.structureJSON(itemID: served.item.id).flatMap(ItemStructure.init(json:)) ?? ItemStructure()
        let issue = try IssueNeighbours.find(
            for: served.item, catalog: services.catalog, access: Set(AccessLevel.allCases.filter { context.mayRead($0) }))
        let body = ItemPage.html(
            served, pages: pages, hasPDF: state[ItemPDF.archivalPath(itemID: served.item.id)] != nil,
            hasReadingPDF: state[ItemPDF.readingPath(itemID: served.item.id)] != nil, issue: issue, context: context, structure: structure)
        var response = Response.html(
            PageLayout.page(title: served.item.title ?? served.item.id, context: context, body: body, styles: [PublicStyle.url]))
        if served.availability.access != .public { response.headers[.cacheControl] = "private, no-store" }
        services.usage.record(.itemView(itemID: served.item.id, libraryCode: served.item.libraryCode), request: request, context: context)
        return response
    }

    /// A file name without quotes, slashes or non-ASCII characters, for `Content-Disposition`.
    private static func asciiFileName(_ text: String) -> String {
        String(
            text.unicodeScalars.map {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0))
                    ? Character($0) : "_"
            })
    }
}
