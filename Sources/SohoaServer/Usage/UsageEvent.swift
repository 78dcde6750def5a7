import Foundation
import SohoaCatalog

/// Something a reader did that the usage statistics count.
enum UsageEvent: Sendable, Equatable {
    /// An item's page (`/items/<id>`) was shown.
    case itemView(itemID: String, libraryCode: String)
    /// A page's image was seen: its access image or a IIIF image of it (tiles too); counted once per
    /// page and visit.
    case pageView(pageID: Int64, itemID: String, libraryCode: String)
    /// An item's PDF was downloaded.
    case download(itemID: String, libraryCode: String)
    /// A search was made, over one library's items or (`nil`) all.
    case search(query: String, libraryCode: String?)

    /// The library the event counts for (`nil`: the whole collection only).
    var libraryCode: String? {
        switch self {
        case .itemView(_, let code), .pageView(_, _, let code), .download(_, let code): code
        case .search(_, let code): code
        }
    }

    /// The item the event counts for.
    var itemID: String? {
        switch self {
        case .itemView(let id, _), .pageView(_, let id, _), .download(let id, _): id
        case .search: nil
        }
    }

    /// What the double-click rule compares: the same request.
    var request: String {
        switch self {
        case .itemView(let id, _): "item\u{0}\(id)"
        case .pageView(let page, _, _): "page\u{0}\(page)"
        case .download(let id, _): "pdf\u{0}\(id)"
        case .search(let query, let code): "search\u{0}\(query)\u{0}\(code ?? "")"
        }
    }

    /// The figures the event adds when it counts (visits are counted by the counter).
    var figures: UsageFigures {
        switch self {
        case .itemView: UsageFigures(itemViews: 1)
        case .pageView: UsageFigures(pageViews: 1)
        case .download: UsageFigures(downloads: 1)
        case .search: UsageFigures(searches: 1)
        }
    }
}
