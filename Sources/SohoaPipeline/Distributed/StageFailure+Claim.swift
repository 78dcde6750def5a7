import SohoaCatalog

extension StageFailure {
    /// The reason of `claimLost`: a queue worker's page whose lease another worker now holds.
    static let claimLostReason =
        "mất quyền giữ trang: máy khác đang làm trang này, máy này không ghi gì / the lease on the page was lost: "
        + "another worker has it now, so this one writes nothing"

    /// A queue worker stops before writing a page's files once its lease is lost (`QueuePageProcessor`):
    /// they are the files of the worker that holds the page now; the failure itself is discarded.
    static func claimLost(_ job: PageJob, stage: PipelineStage) -> StageFailure {
        StageFailure(stage: stage, file: job.page.file.path, page: job.page.name, itemID: job.item.id, reason: claimLostReason)
    }
}
