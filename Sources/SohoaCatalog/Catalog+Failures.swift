import Foundation

extension Catalog {
    /// Records a file or page that failed or was quarantined, and returns the record with its id.
    ///
    /// - Parameter page: the 0-based page of a multi-page file, when the failure is about one page.
    @discardableResult
    public func recordFailure(
        batchID: Int64?, itemID: String? = nil, file path: String, page: Int? = nil, stage: PipelineStage,
        reason: String, at date: Date = Date()
    ) throws(CatalogError) -> FailureRecord {
        try write { tx throws(CatalogError) in
            try tx.recordFailure(
                batchID: batchID, itemID: itemID, file: path, page: page, stage: stage, reason: reason, at: date)
        }
    }

    /// The failures of one batch run, in the order they were recorded.
    public func failures(batchID: Int64) throws(CatalogError) -> [FailureRecord] {
        try read { tx throws(CatalogError) in try tx.failures(batchID: batchID) }
    }

    /// The latest failures of all runs, latest first.
    public func failures(limit: Int = 100) throws(CatalogError) -> [FailureRecord] {
        try read { tx throws(CatalogError) in try tx.failures(limit: limit) }
    }
}
