import Foundation
import SohoaCollection

/// One item of a batch (a book, a manuscript, a newspaper issue) and its pages in order.
public struct PlannedItem: Sendable {
    /// The item id: the folder name, or the stem of a multi-page file at the batch root.
    public var id: String
    /// The folder or file the item came from.
    public var source: URL
    public var metadata: ItemMetadata
    public var pages: [PlannedPage]
    /// Fields edited on the web that a re-run keeps over `metadata`'s source (`old`: the file's value).
    public var keptWebEdits: [MetadataChange] = []
    /// Whether a re-run keeps the page labels and contents edited on the web over the file's.
    public var keptWebStructure = false
    /// Source files, in page order, each once (a multi-page TIFF is one master).
    public var files: [URL] {
        var seen = Set<URL>()
        return pages.map(\.file).filter { seen.insert($0).inserted }
    }
}
