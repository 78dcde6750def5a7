import Foundation

extension PageJob {
    /// The job for one half (`a` left, `b` right) of a spread split by the normalize stage: named
    /// `<page>-a` / `<page>-b`, with its own work folder beside the spread's; `pageID` is the
    /// catalog page registered for it.
    func spreadPart(_ part: String, pageID: Int64) -> PageJob {
        var job = self
        job.page.name = "\(page.name)-\(part)"
        job.folder = folder.deletingLastPathComponent().appendingPathComponent("\(folder.lastPathComponent)-\(part)", isDirectory: true)
        job.pageID = pageID
        // Whatever the spread could reuse, its halves are recognized afresh.
        job.reuse = .none
        return job
    }
}
