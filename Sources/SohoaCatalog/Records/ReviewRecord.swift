import Foundation
import GRDB

/// One thing a reviewer did to a page, kept for the record (table `reviews`).
public struct ReviewRecord: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "reviews"

    /// Assigned by the catalog.
    public var id: Int64?
    public var pageID: Int64
    public var itemID: String
    /// The reviewer's account, when it still exists.
    public var userID: Int64?
    /// Who, as shown to people: display name and account name.
    public var reviewer: String
    public var action: ReviewAction
    /// The archive version the action wrote, if it wrote one.
    public var ocflVersion: String?
    /// What was done (the reason, for a rescan).
    public var detail: String?
    public var at: Date

    /// Makes a review record; `id` is assigned when it is stored.
    public init(
        id: Int64? = nil, pageID: Int64, itemID: String, userID: Int64?, reviewer: String, action: ReviewAction,
        ocflVersion: String? = nil, detail: String? = nil, at: Date = Date()
    ) {
        self.id = id
        self.pageID = pageID
        self.itemID = itemID
        self.userID = userID
        self.reviewer = reviewer
        self.action = action
        self.ocflVersion = ocflVersion
        self.detail = detail
        self.at = at
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
