import Foundation

/// The pipeline's scratch space inside the archive: per-page results that make runs resumable,
/// and per-item staging folders. Everything here can be rebuilt from the scans. It lives under
/// `extensions/sohoa-work/` so the storage root stays valid OCFL (validators do not descend
/// into extension folders) and moves into the archive are renames on one file system.
struct WorkArea: Sendable {
    let root: URL

    init(archive: URL) {
        root = archive.appendingPathComponent("extensions/sohoa-work", isDirectory: true)
    }

    /// The folder for one page's results, keyed by its content (DESIGN §1).
    func pageFolder(sha256: String, frame: Int) -> URL {
        root.appendingPathComponent("pages/\(sha256)-f\(frame)", isDirectory: true)
    }

    /// The content a page folder belongs to (`<sha256>-f<frame>`): the folder itself, or for a half of
    /// a spread (`<sha256>-f<frame>-a`) the spread's folder.
    static func contentKey(of folder: URL) -> String {
        folder.lastPathComponent.split(separator: "-", maxSplits: 2, omittingEmptySubsequences: false).prefix(2).joined(separator: "-")
    }

    func itemStaging(_ itemID: String) -> URL {
        root.appendingPathComponent("items/\(Self.safeName(itemID))", isDirectory: true)
    }

    static func resultURL(in folder: URL) -> URL { folder.appendingPathComponent("page.json") }
    static func accessURL(in folder: URL) -> URL { folder.appendingPathComponent("access.png") }

    /// A file-system-safe version of an item id for scratch folders.
    static func safeName(_ id: String) -> String {
        String(id.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" ? Character($0) : "_" })
    }

    func loadResult(in folder: URL) -> PageResult? {
        guard let data = FileManager.default.contents(atPath: Self.resultURL(in: folder).path) else { return nil }
        return try? JSONDecoder.sohoa.decode(PageResult.self, from: data)
    }

    /// Writes `page.json` atomically (a crash leaves the old file or the new one, never half).
    func saveResult(_ result: PageResult, in folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let data = try JSONEncoder.sohoa.encode(result)
        try data.write(to: Self.resultURL(in: folder), options: .atomic)
    }
}

extension JSONEncoder {
    /// The encoder for sohoa's own JSON files: ISO 8601 dates, stable key order.
    static var sohoa: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}

extension JSONDecoder {
    /// The decoder matching `JSONEncoder.sohoa`.
    static var sohoa: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}

extension WorkArea {
    /// After an item is archived, its page images are in the archive: keep only the small
    /// `page.json` files (they spare OCR if the item is ever packaged again). `folders` are the item's
    /// page folders that no other item of the run still needs (`PageFolderClaims.release`).
    func releaseImages(in folders: [URL]) {
        for folder in folders {
            try? FileManager.default.removeItem(at: Self.accessURL(in: folder))
            for url in PagePDFImages.allURLs(in: folder) { try? FileManager.default.removeItem(at: url) }
        }
    }
}
