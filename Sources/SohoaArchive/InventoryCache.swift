import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The current inventory of each recently read object, kept in memory so that serving a file does not
/// decode `inventory.json` again. An entry is used only while the file on disk is the one it was read
/// from (same inode, size and modification time): every write replaces `inventory.json` by a rename, so
/// a version written by this process or by another one is seen at once.
final class InventoryCache: Sendable {
    /// What identifies one `inventory.json` file on disk.
    struct FileStamp: Equatable, Sendable {
        var inode: UInt64
        var size: Int64
        var modifiedSeconds: Int
        var modifiedNanoseconds: Int

        /// The stamp of the file at `path`, or nil when it does not exist.
        init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            inode = UInt64(info.st_ino)
            size = Int64(info.st_size)
            #if canImport(Darwin)
                modifiedSeconds = Int(info.st_mtimespec.tv_sec)
                modifiedNanoseconds = Int(info.st_mtimespec.tv_nsec)
            #else
                modifiedSeconds = Int(info.st_mtim.tv_sec)
                modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
            #endif
        }
    }

    private struct Entry: Sendable {
        var stamp: FileStamp
        var inventory: OCFLInventory
    }

    /// Most objects kept; past it the cache starts again empty (items are served in bursts).
    let capacity: Int
    private let entries = Mutex<[String: Entry]>([:])
    private let counters = Mutex<(hits: Int, reads: Int)>((0, 0))

    init(capacity: Int = 1024) {
        self.capacity = capacity
    }

    /// The inventory at `url` for object `id`: from memory while the file is unchanged, else read by
    /// `read` and remembered. Nil when the file does not exist.
    func inventory(id: String, at url: URL, read: (URL) throws -> OCFLInventory) throws -> OCFLInventory? {
        guard let stamp = FileStamp(path: url.path) else {
            entries.withLock { _ = $0.removeValue(forKey: id) }
            return nil
        }
        if let entry = entries.withLock({ $0[id] }), entry.stamp == stamp {
            counters.withLock { $0.hits += 1 }
            return entry.inventory
        }
        let inventory = try read(url)
        counters.withLock { $0.reads += 1 }
        // Keep it only if the file did not change while it was read.
        if FileStamp(path: url.path) == stamp { remember(inventory, id: id, stamp: stamp) }
        return inventory
    }

    /// Drops what is known of object `id` (after a write by this process).
    func forget(id: String) {
        entries.withLock { _ = $0.removeValue(forKey: id) }
    }

    /// How many lookups were answered from memory and how many read the file (for tests and figures).
    var statistics: (hits: Int, reads: Int) { counters.withLock { $0 } }

    private func remember(_ inventory: OCFLInventory, id: String, stamp: FileStamp) {
        entries.withLock { entries in
            if entries.count >= capacity, entries[id] == nil { entries.removeAll(keepingCapacity: true) }
            entries[id] = Entry(stamp: stamp, inventory: inventory)
        }
    }
}
