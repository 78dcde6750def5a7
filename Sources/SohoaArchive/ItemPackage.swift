/// Everything that goes into an item's METS: its description, pages, item-level files and events.
public struct ItemPackage: Sendable {
    /// The OCFL object id, `urn:sohoa:<library-code>:<item-id>`.
    public var objectID: String
    /// Descriptive metadata.
    public var dc: DublinCore
    /// Pages in order.
    public var pages: [PackagePage]
    /// Files that belong to the whole item (the searchable PDF).
    public var itemFiles: [PackageFileRef]
    /// Preservation events.
    public var events: [PreservationEvent]
    /// Page labels and table of contents (METS `ORDERLABEL`, logical structMap and structLink).
    public var structure: ItemStructure

    /// Creates a package description.
    public init(
        objectID: String, dc: DublinCore, pages: [PackagePage], itemFiles: [PackageFileRef] = [],
        events: [PreservationEvent] = [], structure: ItemStructure = ItemStructure()
    ) {
        self.objectID = objectID
        self.dc = dc
        self.pages = pages
        self.itemFiles = itemFiles
        self.events = events
        self.structure = structure
    }
}
