import Foundation
import Hummingbird
import SohoaArchive
import SohoaCatalog
import SohoaCollection
import SohoaSharing

/// What the IIIF routes read from the archive, with access enforced: items and pages the reader may
/// see (404 for the rest, so closed items cannot be told from missing ones), and their files.
struct IIIFArchive: Sendable {
    let services: ServerServices

    /// An item the reader may see, with its head version's files (logical path → digest).
    struct VisibleItem {
        var item: ItemRecord
        var access: AccessLevel
        var files: [String: String]
    }

    /// The item if it is packaged, not withdrawn, not closed, and (when restricted) the reader is signed in;
    /// otherwise 404 naming only what the reader asked for.
    func item(_ id: String, context: AppRequestContext) throws -> VisibleItem {
        guard let visible = try visibleItem(id, context: context, asked: "item '\(id)'") else {
            throw HTTPError(.notFound, message: "no item '\(id)' here")
        }
        return visible
    }

    /// The item when the reader may see it, else nil (the reason goes to the log, for the staff, and
    /// never into the answer: a closed item cannot be told from a missing one).
    private func visibleItem(_ id: String, context: AppRequestContext, asked: String) throws -> VisibleItem? {
        guard let availability = try services.catalog.itemAvailability(id: id) else { return nil }
        guard availability.isServable, context.mayRead(availability.access, libraryCode: availability.item.libraryCode) else {
            let reason =
                availability.withdrawnAt != nil
                ? "withdrawn" : availability.item.state != .packaged ? "not packaged" : "\(availability.access.rawValue)"
            context.logger.info("IIIF: \(asked) is in item '\(id)', which is \(reason) for this reader; answered 404")
            return nil
        }
        guard let files = try services.root.headState(objectID: availability.item.objectID) else {
            context.logger.warning("IIIF: item '\(id)' is in the catalog but its OCFL object has no head version; answered 404")
            return nil
        }
        return VisibleItem(item: availability.item, access: availability.access, files: files)
    }

    /// The page with this id if the reader may see its item, where its image comes from, and the item
    /// (for the usage statistics); 404 naming only the id asked for otherwise.
    func imageSource(
        pageID text: String, context: AppRequestContext
    ) throws -> (source: IIIFImageSource, access: AccessLevel, page: PageRecord, item: ItemRecord) {
        let notFound = HTTPError(.notFound, message: "no image '\(text)' here")
        guard let pageID = Int64(text), let page = try services.catalog.page(id: pageID),
            let visible = try visibleItem(page.itemID, context: context, asked: "image \(pageID)")
        else { throw notFound }
        guard let source = try imageSource(page, in: visible) else {
            context.logger.warning(
                "IIIF: image \(pageID) (item '\(page.itemID)', page '\(page.name)') has no master in the archive; answered 404")
            throw notFound
        }
        return (source, visible.access, page, visible.item)
    }

    /// Where the page's image comes from: its archived master (the page's frame of a multi-page file).
    func imageSource(_ page: PageRecord, in visible: VisibleItem) throws -> IIIFImageSource? {
        guard let path = Self.masterPath(of: page, files: visible.files), let digest = visible.files[path],
            let url = try services.root.contentURL(objectID: visible.item.objectID, logicalPath: path)
        else { return nil }
        let frame = page.frameIndex ?? 0
        return IIIFImageSource(contentKey: "\(digest)#\(frame)", file: url, frame: frame, width: page.width, height: page.height)
    }

    /// The contents of one of the item's files, or nil when its head version has no such file. A
    /// page's ALTO comes with the page's saved review draft applied, as the catalog's text has it.
    func contents(of logicalPath: String, in visible: VisibleItem) throws -> Data? {
        guard visible.files[logicalPath] != nil,
            let url = try services.root.contentURL(objectID: visible.item.objectID, logicalPath: logicalPath)
        else { return nil }
        if let match = logicalPath.wholeMatch(of: /alto\/(.+)\.xml/),
            let page = try services.catalog.page(itemID: visible.item.id, name: String(match.output.1)), let pageID = page.id,
            let alto = try PageCorrection(session: services.session).currentALTO(
                objectID: visible.item.objectID, pageID: pageID, pageName: page.name)
        {
            return Data(alto.utf8)
        }
        return try Data(contentsOf: url)
    }

    /// The master's logical path: `masters/<source file name>`, else the master whose stem is the
    /// page's name (or, for `<stem>-p0003` and spread halves `<stem>-a`, that stem).
    static func masterPath(of page: PageRecord, files: [String: String]) -> String? {
        let direct = "masters/" + URL(fileURLWithPath: page.sourcePath).lastPathComponent.precomposedStringWithCanonicalMapping
        if files[direct] != nil { return direct }
        var stems = [page.name]
        if let match = page.name.wholeMatch(of: /(.+)-(p[0-9]{4}|a|b)/) { stems.append(String(match.output.1)) }
        for stem in stems {
            if let path = files.keys.sorted().first(where: { key in
                key.hasPrefix("masters/")
                    && (key.dropFirst("masters/".count).split(separator: ".").dropLast().joined(separator: ".") == stem)
            }) {
                return path
            }
        }
        return nil
    }
}
