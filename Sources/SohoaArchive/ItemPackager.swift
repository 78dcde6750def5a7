import Foundation

/// Writes an item as an OCFL object version: its files plus `mets.xml` and `dc.xml`.
public struct ItemPackager: Sendable {
    /// Creates a packager.
    public init() {}

    /// Writes `p` into `root`: the files in `sourceFiles` (logical path → file on disk) plus `mets.xml`
    /// and `dc.xml`. Returns `unchanged` when nothing differs from the object's head.
    ///
    /// `createdAt` (the METS header date) defaults to the latest event's date, so packaging the same
    /// item twice writes the same bytes; with no events it is the current time.
    /// Throws `OCFLError`; a file the METS names but `sourceFiles` lacks is refused.
    public func package(
        _ p: ItemPackage, sourceFiles: [String: URL], into root: OCFLStorageRoot, user: VersionUser,
        message: String? = nil, createdAt: Date? = nil
    ) throws -> WrittenVersion {
        let id = p.objectID.precomposedStringWithCanonicalMapping
        let provided = Set(sourceFiles.keys.map { $0.precomposedStringWithCanonicalMapping })
        for ref in p.itemFiles + p.pages.flatMap(\.files)
        where !provided.contains(ref.logicalPath.precomposedStringWithCanonicalMapping) {
            throw OCFLError.invalidLogicalPath(
                objectID: id, logicalPath: ref.logicalPath,
                reason: "mets.xml names it but no source file was given for it")
        }
        for reserved in ["mets.xml", "dc.xml"] where provided.contains(reserved) {
            throw OCFLError.invalidLogicalPath(
                objectID: id, logicalPath: reserved, reason: "the packager writes it; leave it out of the source files")
        }
        var facts: [String: PackageFileFacts] = [:]
        for (path, url) in sourceFiles {
            do {
                facts[path] = try PackageFileFacts(contentsOf: url)
            } catch {
                throw OCFLError.unreadableSource(objectID: id, logicalPath: path, source: url.path, reason: "\(error)")
            }
        }
        let date = createdAt ?? p.events.map(\.date).max() ?? Date()
        var files = sourceFiles.sorted { $0.key < $1.key }.map { LogicalFile(logicalPath: $0.key, source: .file($0.value)) }
        let mets = METSWriter.document(p, createdAt: date, files: facts)
        files.append(LogicalFile(logicalPath: "mets.xml", source: .data(Data(mets.utf8))))
        files.append(LogicalFile(logicalPath: "dc.xml", source: .data(Data(DublinCoreWriter.oaiDC(p.dc).utf8))))
        return try root.writeVersion(
            objectID: id, files: files, message: message ?? "sohoa package: \(p.dc.title)", user: user)
    }
}
