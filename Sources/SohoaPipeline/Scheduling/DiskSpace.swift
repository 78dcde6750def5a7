import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The archive disk's free space, what a batch needs of it, and whether a failure means it is full.
public enum DiskSpace {
    /// Bytes the file system holding `url` (or its nearest existing parent) has free for this
    /// process; nil when it cannot be asked.
    public static func available(at url: URL) -> Int64? {
        var folder = url.standardizedFileURL
        while !FileManager.default.fileExists(atPath: folder.path), folder.path != "/" {
            folder = folder.deletingLastPathComponent()
        }
        var info = statvfs()
        guard statvfs(folder.path, &info) == 0 else { return nil }
        return Int64(info.f_bavail) * Int64(info.f_frsize)
    }

    /// What one OCR'd page adds to the archive besides its master. Measured on `SampleScans/` (15
    /// pages, default pipeline, A4 at 300 dpi): 2.0 MB a page (access copy 0.91, PDF share 0.81,
    /// ALTO + hOCR + text 0.06, METS, inventories, catalog and `page.json` 0.21), plus a quarter for safety.
    static let derivativeBytesPerPage: Int64 = 2_500_000
    /// What an image-only page adds (access copy, PDF share, `page.json`: 1.75 MB measured, rounded up).
    static let imageOnlyBytesPerPage: Int64 = 2_000_000
    /// While an item is being packaged, its page images in the work area (1.7 MB a page) and its PDF
    /// in staging (0.8 MB a page) exist beside the object being written.
    static let transientBytesPerPage: Int64 = 2_500_000
    /// Room kept for the catalog's journal and the file system's own needs.
    static let reserveBytes: Int64 = 32_000_000

    /// The bytes a batch needs: every page's master and derivatives, plus the largest item's pages
    /// twice while it is packaged, plus a reserve.
    static func needed(items: [(masterBytes: Int64, pages: Int, ocr: Bool)]) -> Int64 {
        var total = reserveBytes
        var largest: Int64 = 0
        for item in items {
            let perPage = item.ocr ? derivativeBytesPerPage : imageOnlyBytesPerPage
            total += item.masterBytes + Int64(item.pages) * perPage
            largest = max(largest, item.masterBytes + Int64(item.pages) * transientBytesPerPage)
        }
        return total + largest
    }

    /// Whether a failure's text says the disk (or the user's quota) is full.
    static func saysOutOfSpace(_ text: String) -> Bool {
        let lower = text.lowercased()
        return ["no space left", "enough space", "disk is full", "quota exceeded", "out of space", "sqlite error 13"]
            .contains { lower.contains($0) }
    }

    /// Whether a failure at `archive` comes from a full disk: its text says so, or the disk has
    /// (almost) nothing left.
    static func isOutOfSpace(_ text: String, archive: URL) -> Bool {
        if saysOutOfSpace(text) { return true }
        guard let free = available(at: archive) else { return false }
        return free < 4_000_000
    }

    /// Bytes in words people read: `850 MB`, `12.4 GB`.
    public static func describe(_ bytes: Int64) -> String {
        let mb = Double(max(0, bytes)) / 1_000_000
        if mb < 1000 { return "\(Int(mb.rounded(.up))) MB" }
        return String(format: "%.1f GB", mb / 1000)
    }
}
