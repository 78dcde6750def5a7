import Foundation
import Hummingbird
import SohoaCatalog
import SohoaCollection

/// An item that the reader asking may see, found from the id in a URL. Every public route that
/// serves an item's metadata, text, images or PDF goes through `ServedItem.find`, so access levels
/// are checked in one place.
struct ServedItem {
    var availability: ItemAvailability
    /// The rights of the item's library or collection (`server.yaml`), for an item without its own.
    var defaultRights: RightsStatement? = nil
    var item: ItemRecord { availability.item }

    /// The item named by `rawID` (a path component as sent). Throws 404 when there is no such item or
    /// it is closed, withdrawn or not packaged, or restricted and held by a library outside the
    /// signed-in user's scope; 401 (sign-in for pages) when it is restricted and nobody is signed in.
    static func find(_ rawID: String, services: ServerServices, context: AppRequestContext) throws -> ServedItem {
        guard let id = URLPath.decodedComponent(rawID), let availability = try services.catalog.itemAvailability(id: id),
            availability.isServable
        else { throw HTTPError(.notFound) }
        guard context.mayRead(availability.access) else { throw HTTPError(.unauthorized) }
        guard context.mayRead(availability.access, libraryCode: availability.item.libraryCode) else { throw HTTPError(.notFound) }
        return ServedItem(
            availability: availability,
            defaultRights: services.options.rights.statement(
                library: availability.item.libraryCode, collection: availability.collectionType))
    }

    /// The page of this item named by `rawName` (a path component as sent); 404 when there is none.
    func page(_ rawName: String, services: ServerServices) throws -> PageRecord {
        guard let name = URLPath.decodedComponent(rawName), let page = try services.catalog.page(itemID: item.id, name: name)
        else { throw HTTPError(.notFound) }
        return page
    }

    /// `Cache-Control` for what is served of this item: caches may keep public items' files for a
    /// short while (they can be closed later); nothing of a restricted item is stored anywhere.
    var cacheControl: String {
        availability.access == .public ? CachePolicyMiddleware.publicItem : CachePolicyMiddleware.notStored
    }
}
