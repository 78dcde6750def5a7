import Foundation

/// What `sohoa export --format marc|marcxml` wrote: the file, how many records, and the items left
/// out because readers cannot open them (closed or withdrawn), so no OPAC links to a page that is not there.
public struct MARCExport: Sendable, Equatable {
    /// `<out>/marc21.mrc` or `<out>/marc21.xml`.
    public var file: URL
    /// The ids of the items written, in file order.
    public var itemIDs: [String]
    /// The ids of the items left out: closed or withdrawn.
    public var leftOut: [String]

    /// A summary of an export.
    public init(file: URL, itemIDs: [String], leftOut: [String]) {
        self.file = file
        self.itemIDs = itemIDs
        self.leftOut = leftOut
    }
}
