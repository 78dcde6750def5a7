import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension OCFLStorageRoot {
    /// Removes staging folders left by interrupted writes (those whose lock nobody holds) and repairs
    /// the objects they were writing.
    func cleanStaleStaging() throws {
        for name in try DurableFiles.entries(of: stagingWorkURL) {
            let work = stagingWorkURL.appendingPathComponent(name, isDirectory: true)
            if name.hasPrefix(Self.setAsidePrefix) {
                // Its write had ended; its removal was cut short (or is going on in another process).
                try? FileManager.default.removeItem(at: work)
                continue
            }
            let lockFile = work.appendingPathComponent("lock")
            var workLock: FileLock?
            if FileManager.default.fileExists(atPath: lockFile.path) {
                workLock = FileLock.tryAcquire(lockFile)
                if workLock == nil { continue }  // a write in progress
            } else if !Self.isOlderThanAMinute(work) {
                continue  // just created by a writer that has not taken its lock yet
            }
            defer { workLock?.unlock() }
            let target = (try? Data(contentsOf: work.appendingPathComponent("target")))
                .map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
            if let target, !target.isEmpty, !target.contains("..") {
                let objectLock = try FileLock.acquire(lockURL(objectPath: target))
                defer { objectLock.unlock() }
                try recoverInterruptedWrite(objectPath: target)
            }
            try removeWork(work)
        }
    }

    /// The name start of a work folder whose write has ended and which is being removed.
    static let setAsidePrefix = ".removed-"

    /// Removes a work folder whose lock the caller holds: first renamed aside in one step, so that a
    /// removal cut short (the process killed while deleting its files) never leaves a folder without its
    /// lock that looks like a write just starting; what is left aside is removed by the next open.
    func removeWork(_ work: URL) throws {
        let aside = stagingWorkURL.appendingPathComponent(Self.setAsidePrefix + UUID().uuidString, isDirectory: true)
        guard rename(work.path, aside.path) == 0 else {
            if errno == ENOENT { return }
            throw DurableFiles.failure("set aside", work)
        }
        try faultInjector?(.workSetAside)
        try? FileManager.default.removeItem(at: aside)
    }

    /// Brings the object at `objectPath` back to the state its root inventory describes and removes
    /// empty tuple folders left when a new object never reached its place. The caller holds the object lock.
    func recoverInterruptedWrite(objectPath: String) throws {
        try faultInjector?(.repairing)
        let folder = url.appendingPathComponent(objectPath, isDirectory: true)
        try repairObject(at: folder)
        if !FileManager.default.fileExists(atPath: folder.path) {
            removeEmptyFolders(from: folder.deletingLastPathComponent())
        }
    }

    /// Removes version folders newer than the root inventory's head and restores the root sidecar from
    /// the head version's copy when a crash replaced it but not the inventory. A folder holding nothing but
    /// empty folders is removed. Damage that a crash cannot cause is left for the fixity audit to report.
    func repairObject(at folder: URL) throws {
        guard DurableFiles.isFolder(folder) else { return }
        let inventoryURL = folder.appendingPathComponent("inventory.json")
        guard let inventoryData = try? Data(contentsOf: inventoryURL) else {
            if try Self.holdsNoFiles(folder) { try DurableFiles.remove(folder) }
            return
        }
        guard let inventory = try? OCFLInventory.decode(inventoryData), let head = inventory.headNumber else { return }
        for entry in try DurableFiles.entries(of: folder) {
            if let number = OCFLInventory.versionNumber(entry), number > head {
                try DurableFiles.remove(folder.appendingPathComponent(entry, isDirectory: true))
            }
        }
        let digest = FileDigests(of: inventoryData).sha512
        let sidecarURL = folder.appendingPathComponent("inventory.json.sha512")
        if Self.sidecarDigest(sidecarURL) != digest {
            let headFolder = folder.appendingPathComponent(inventory.head, isDirectory: true)
            let headSidecar = headFolder.appendingPathComponent("inventory.json.sha512")
            if (try? Data(contentsOf: headFolder.appendingPathComponent("inventory.json"))) == inventoryData,
                Self.sidecarDigest(headSidecar) == digest, let sidecar = try? Data(contentsOf: headSidecar)
            {
                try DurableFiles.replace(sidecarURL, with: sidecar)
            }
        }
    }

    /// Removes `start` and its parents up to (not including) the root while they are empty.
    func removeEmptyFolders(from start: URL) {
        let rootPath = url.standardizedFileURL.path
        var folder = start.standardizedFileURL
        while folder.path.count > rootPath.count, folder.path.hasPrefix(rootPath) {
            if rmdir(folder.path) != 0 { return }
            folder = folder.deletingLastPathComponent()
        }
    }

    static func sidecarDigest(_ url: URL) -> String? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return String(decoding: data, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
            .first.map { $0.lowercased() }
    }

    static func holdsNoFiles(_ folder: URL) throws -> Bool {
        for entry in try DurableFiles.entries(of: folder) {
            let child = folder.appendingPathComponent(entry)
            if !DurableFiles.isFolder(child) { return false }
            if !(try holdsNoFiles(child)) { return false }
        }
        return true
    }

    static func isOlderThanAMinute(_ url: URL) -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
            let modified = attributes[.modificationDate] as? Date
        else { return true }
        return Date().timeIntervalSince(modified) > 60
    }
}
