import Foundation

/// What `sohoa export --format marc|marcxml` wrote: the file, how many records, the items left out
/// because readers cannot open them (closed or withdrawn), so no OPAC links to a page that is not
/// there, and the items whose record could not be written.
public struct MARCExport: Sendable, Equatable {
    /// An item whose record is beyond ISO 2709's limits, and why.
    public struct Unwritable: Sendable, Equatable {
        public var itemID: String
        /// What is over the limit, e.g. `the record is 181234 bytes (at most 99999)`.
        public var problem: String

        public init(itemID: String, problem: String) {
            self.itemID = itemID
            self.problem = problem
        }
    }

    /// `<out>/marc21.mrc` or `<out>/marc21.xml`.
    public var file: URL
    /// The ids of the items written, in file order.
    public var itemIDs: [String]
    /// The ids of the items left out: closed or withdrawn.
    public var leftOut: [String]
    /// The items left out because their record cannot be written (the export is partial: exit 1).
    public var unwritable: [Unwritable]

    /// A summary of an export.
    public init(file: URL, itemIDs: [String], leftOut: [String], unwritable: [Unwritable] = []) {
        self.file = file
        self.itemIDs = itemIDs
        self.leftOut = leftOut
        self.unwritable = unwritable
    }
}
