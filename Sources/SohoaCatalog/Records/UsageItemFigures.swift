import Foundation

/// One item's usage over a span of time, with its title and library (for the lists of most-used items).
public struct UsageItemFigures: Codable, Sendable, Equatable {
    public var itemID: String
    /// The item's title when the catalog still has the item.
    public var title: String?
    public var libraryCode: String
    public var itemViews: Int
    public var pageViews: Int
    public var downloads: Int

    public init(itemID: String, title: String?, libraryCode: String, itemViews: Int, pageViews: Int, downloads: Int) {
        self.itemID = itemID
        self.title = title
        self.libraryCode = libraryCode
        self.itemViews = itemViews
        self.pageViews = pageViews
        self.downloads = downloads
    }
}
