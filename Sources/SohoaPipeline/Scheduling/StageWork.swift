/// What flows from stage to stage: a page on its way (`PageJob` and what it becomes) or an item.
protocol StageWork: Sendable {
    /// What a worker shows it is working on: `item/page`, or the item id.
    var progressLabel: String { get }
    /// What fails when a stage fails on this work: the page, or the whole item.
    var subject: WorkSubject { get }
}

/// The page or item a stage works on, for the failure path (`RunScheduler.failed`).
enum WorkSubject: Sendable {
    case page(PageJob)
    case item(ItemWork)
}

extension PageJob: StageWork {
    var progressLabel: String { "\(item.id)/\(page.name)" }
    var subject: WorkSubject { .page(self) }
}

extension IngestedPage: StageWork {
    var progressLabel: String { job.progressLabel }
    var subject: WorkSubject { .page(job) }
}

extension NormalizedWork: StageWork {
    var progressLabel: String { job.progressLabel }
    var subject: WorkSubject { .page(job) }
}

extension ItemWork: StageWork {
    var progressLabel: String { item.id }
    var subject: WorkSubject { .item(self) }
}
