/// A file of an item package, by its logical path inside the OCFL object.
public struct PackageFileRef: Sendable, Equatable {
    /// What the file is for.
    public var use: PackageFileUse
    /// Path inside the object, e.g. `masters/0001.tif`.
    public var logicalPath: String
    /// MIME type, e.g. `image/tiff`.
    public var mimeType: String

    /// Creates a file reference.
    public init(use: PackageFileUse, logicalPath: String, mimeType: String) {
        self.use = use
        self.logicalPath = logicalPath
        self.mimeType = mimeType
    }
}
