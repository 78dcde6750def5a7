import Foundation
import GRDB

/// A page of an item: one image, the unit of work (table `pages`).
public struct PageRecord: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    /// Where a page stands overall; per-stage detail is in `PageStageRecord`.
    public enum State: String, Codable, CodingKeyRepresentable, Sendable, CaseIterable {
        /// Not through the pipeline yet.
        case pending
        /// Through every stage it needs.
        case done
        /// A stage failed; `error` says why.
        case failed
    }

    public static let databaseTableName = "pages"

    /// Assigned by the catalog.
    public var id: Int64?
    public var itemID: String
    /// The page's name in the archive: the source file's stem, or `<stem>-p0003` for a page of a multi-page file.
    public var name: String
    /// 1-based position in the item (natural sort of file names), as in METS `ORDER`.
    public var sequence: Int
    /// The original scan.
    public var sourcePath: String
    /// SHA-256 of the original file, 64 lowercase hex digits: the key for resuming.
    public var sourceSHA256: String
    /// The 0-based frame in a multi-page source file; `nil` for single-page files.
    public var frameIndex: Int?
    /// Technical metadata of the scan, as a JSON object.
    public var technicalJSON: String?
    /// The normalize stage's report (angle, rotation, crop box, …), as a JSON object.
    public var normalizeReportJSON: String?
    public var dpi: Double?
    /// The DPI was estimated, not read from the file.
    public var dpiEstimated: Bool
    public var width: Int?
    public var height: Int?
    public var state: State
    /// Mean word confidence of the OCR, 0–100 (Tesseract's scale).
    public var meanConfidence: Double?
    public var wordCount: Int?
    public var isBlank: Bool
    /// Why the page failed, when it did.
    public var error: String?
    /// Set by the catalog on every write.
    public var updatedAt: Date

    /// Makes a page record; `id` is assigned when it is stored.
    public init(
        id: Int64? = nil, itemID: String, name: String, sequence: Int, sourcePath: String, sourceSHA256: String,
        frameIndex: Int? = nil, technicalJSON: String? = nil, normalizeReportJSON: String? = nil, dpi: Double? = nil,
        dpiEstimated: Bool = false, width: Int? = nil, height: Int? = nil, state: State = .pending,
        meanConfidence: Double? = nil, wordCount: Int? = nil, isBlank: Bool = false, error: String? = nil,
        updatedAt: Date = Date()
    ) {
        self.id = id
        self.itemID = itemID
        self.name = name
        self.sequence = sequence
        self.sourcePath = sourcePath
        self.sourceSHA256 = sourceSHA256
        self.frameIndex = frameIndex
        self.technicalJSON = technicalJSON
        self.normalizeReportJSON = normalizeReportJSON
        self.dpi = dpi
        self.dpiEstimated = dpiEstimated
        self.width = width
        self.height = height
        self.state = state
        self.meanConfidence = meanConfidence
        self.wordCount = wordCount
        self.isBlank = isBlank
        self.error = error
        self.updatedAt = updatedAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
