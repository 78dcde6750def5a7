import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaCollection
import SohoaImaging

/// Turns a batch folder into a `BatchPlan` (DESIGN §1): sub-folder = item, multi-page TIFF at the
/// root = item, pages in natural order, metadata from `item.yaml` / `items.csv` or the folder name.
public struct BatchPlanner: Sendable {
    /// Files that are part of a batch but are not pages (metadata, ground truth, notes).
    static let sidecarExtensions: Set<String> = ["yaml", "yml", "csv", "txt", "md", "json", "xml", "sha256", "md5"]
    /// Names that file managers and scanners leave behind.
    static let ignoredNames: Set<String> = ["Thumbs.db", "desktop.ini"]

    public var defaultLanguages: [String]
    /// Whether JPEG masters are taken (`accept`, `warn`) or refused.
    public var lossyMasters: LossyMasters
    /// The holding with an id, from the register (issue 14: items given a `holding-id` take what they
    /// lack from it); nil plans without the register.
    public var register: (@Sendable (String) -> HoldingRecord?)?

    public init(
        defaultLanguages: [String], lossyMasters: LossyMasters = .warn, register: (@Sendable (String) -> HoldingRecord?)? = nil
    ) {
        self.defaultLanguages = defaultLanguages
        self.lossyMasters = lossyMasters
        self.register = register
    }

    /// `metadata` completed from its holding in the register, when it names one the register has.
    private func prefill(_ metadata: inout ItemMetadata) {
        guard let id = metadata.holdingID, let holding = register?(id) else { return }
        metadata.prefill(from: holding)
    }

    /// Plans the batch at `folder`.
    public func plan(_ folder: URL) throws(BatchError) -> BatchPlan {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BatchError(folder: folder.path, message: "the batch folder does not exist or is not a folder")
        }
        let entries = try contents(of: folder)
        let table: ItemMetadataTable
        do {
            table = try ItemMetadataTable.load(from: folder.appendingPathComponent("items.csv"))
        } catch {
            throw BatchError(folder: folder.path, message: error.description)
        }
        var items: [PlannedItem] = []
        var rejections: [BatchPlan.Rejection] = []
        var lossyFiles: [URL] = []
        for entry in entries {
            if entry.hasDirectoryPath || isFolder(entry) {
                let id = entry.lastPathComponent.precomposedStringWithCanonicalMapping
                var metadata: ItemMetadata
                do {
                    metadata = try ItemMetadata.load(itemFolder: entry, table: table, itemID: id)
                } catch {
                    rejections.append(.init(file: entry, reason: error.description))
                    continue
                }
                prefill(&metadata)
                metadata.applyDefaults(itemID: id, languages: defaultLanguages)
                var pages: [PlannedPage] = []
                for file in try contents(of: entry) where !isFolder(file) && isCandidatePage(file) {
                    switch frames(of: file) {
                    case .failure(let reason):
                        rejections.append(.init(file: file, reason: reason))
                    case .success(let count, let lossy):
                        if lossy { lossyFiles.append(file) }
                        pages.append(contentsOf: Self.pages(of: file, frames: count, startingAt: pages.count + 1))
                    }
                }
                if pages.isEmpty {
                    rejections.append(
                        .init(file: entry, reason: "the item folder holds no readable TIFF, PNG, JPEG, JPEG 2000 or PDF page"))
                    continue
                }
                do {
                    _ = try metadata.structure(pageCount: pages.count, source: Self.metadataFile(in: entry))
                } catch {
                    rejections.append(.init(file: entry, reason: error.description))
                    continue
                }
                items.append(PlannedItem(id: id, source: entry, metadata: metadata, pages: pages))
            } else if isCandidatePage(entry) {
                switch frames(of: entry) {
                case .failure(let reason):
                    rejections.append(.init(file: entry, reason: reason))
                case .success(let count, let lossy):
                    if lossy { lossyFiles.append(entry) }
                    let id = entry.deletingPathExtension().lastPathComponent.precomposedStringWithCanonicalMapping
                    var metadata = table.row(for: id) ?? ItemMetadata()
                    prefill(&metadata)
                    metadata.applyDefaults(itemID: id, languages: defaultLanguages)
                    // A multi-page file at the root is an item; so is a single page, named by its stem.
                    items.append(
                        PlannedItem(
                            id: id, source: entry, metadata: metadata,
                            pages: Self.pages(of: entry, frames: count, startingAt: 1)))
                }
            }
        }
        let duplicates = Dictionary(grouping: items, by: \.id).filter { $0.value.count > 1 }
        for (id, group) in duplicates.sorted(by: { $0.key < $1.key }) {
            for item in group.dropFirst() {
                rejections.append(
                    .init(
                        file: item.source,
                        reason: "another entry of this batch already has the item id '\(id)'; rename one of them"))
            }
            items.removeAll { $0.id == id && $0.source != group[0].source }
        }
        return BatchPlan(folder: folder, items: items, rejections: rejections, lossyFiles: lossyFiles)
    }

    /// The file an item folder's pagination and contents come from, for messages.
    static func metadataFile(in itemFolder: URL) -> String {
        for name in ["item.yaml", "item.yml"] where FileManager.default.fileExists(atPath: itemFolder.appendingPathComponent(name).path) {
            return itemFolder.appendingPathComponent(name).path
        }
        return itemFolder.appendingPathComponent("contents.csv").path
    }

    static func pages(of file: URL, frames: Int, startingAt sequence: Int) -> [PlannedPage] {
        let stem = file.deletingPathExtension().lastPathComponent.precomposedStringWithCanonicalMapping
        if frames == 1 {
            return [PlannedPage(name: stem, sequence: sequence, file: file, frameIndex: 0, frameCount: 1)]
        }
        return (0..<frames).map { frame in
            PlannedPage(
                name: "\(stem)-p\(String(format: "%04d", frame + 1))", sequence: sequence + frame,
                file: file, frameIndex: frame, frameCount: frames)
        }
    }

    func contents(of folder: URL) throws(BatchError) -> [URL] {
        do {
            return try FileManager.default
                .contentsOfDirectory(at: folder, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles])
                .filter { !Self.ignoredNames.contains($0.lastPathComponent) }
                .sorted { NaturalOrder.areInIncreasingOrder($0.lastPathComponent, $1.lastPathComponent) }
        } catch {
            throw BatchError(folder: folder.path, message: "cannot list the folder (\(error.localizedDescription))")
        }
    }

    func isFolder(_ url: URL) -> Bool {
        (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true
    }

    func isCandidatePage(_ url: URL) -> Bool {
        !Self.sidecarExtensions.contains(url.pathExtension.lowercased())
    }

    /// Frames in `file`, or why it cannot be a page.
    enum Frames {
        case success(Int, lossy: Bool)
        case failure(String)
    }

    func frames(of file: URL) -> Frames {
        do {
            let info = try ScanDecoder.inspect(file)
            if info.isLossy, lossyMasters == .refuse {
                return .failure(
                    "this \(info.format.name) image is coded with loss of detail, and this pipeline refuses lossy masters "
                        + "(lossy-masters: refuse); rescan the page as TIFF or PNG, or set lossy-masters: warn")
            }
            return .success(info.pageCount, lossy: info.isLossy)
        } catch {
            return .failure(error.reason)
        }
    }
}
