import Foundation

extension PageJob {
    /// The job for one half (`a` left, `b` right) of a spread split by the normalize stage: named
    /// `<page>-a` / `<page>-b`, with its own work folder beside the spread's. Its `pageID` is 0 (no
    /// catalog page) until the scheduler registers the half (`RunScheduler.normalized`).
    func spreadPart(_ part: String) -> PageJob {
        var job = self
        job.page.name = "\(page.name)-\(part)"
        job.folder = folder.deletingLastPathComponent().appendingPathComponent("\(folder.lastPathComponent)-\(part)", isDirectory: true)
        job.pageID = 0
        // Whatever the spread could reuse, its halves are recognized afresh.
        job.reuse = .none
        return job
    }
}
