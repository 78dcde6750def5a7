/// One page of an item package and its files.
public struct PackagePage: Sendable, Equatable {
    /// The page name (the source file's stem, e.g. `0001` or `scan-p0003`).
    public var name: String
    /// Position in the item, from 1.
    public var sequence: Int
    /// The page's files (master, access, ALTO, hOCR, text).
    public var files: [PackageFileRef]
    /// Technical metadata of the master image (the METS `techMD`), when known.
    public var technical: PageTechnical?

    /// Creates a page.
    public init(name: String, sequence: Int, files: [PackageFileRef], technical: PageTechnical? = nil) {
        self.name = name
        self.sequence = sequence
        self.files = files
        self.technical = technical
    }
}
