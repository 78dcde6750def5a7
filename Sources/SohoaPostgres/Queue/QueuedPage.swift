/// A page to put on the work queue: the planner's pages, already in the catalog's `pages` table.
public struct QueuedPage: Sendable, Equatable, Hashable {
    /// The page.
    public var pageID: Int64
    /// The page's item.
    public var itemID: String

    /// Makes a queue entry for page `pageID` of item `itemID`.
    public init(pageID: Int64, itemID: String) {
        self.pageID = pageID
        self.itemID = itemID
    }
}
