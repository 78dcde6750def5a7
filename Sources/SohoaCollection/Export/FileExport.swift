import Foundation

/// What `Exporter.export` wrote, and the items it skipped because they hold no such file.
public struct FileExport: Sendable, Equatable {
    /// The files written (for `bag`, each bag's folder; for `marc`/`marcxml`, the one records file).
    public var files: [URL]
    /// With every item asked for: the ids of the items packaged without the asked-for PDF (every
    /// item archived before the reading PDF has only the archival one).
    public var skipped: [String]

    /// A summary of an export.
    public init(files: [URL], skipped: [String] = []) {
        self.files = files
        self.skipped = skipped
    }
}
