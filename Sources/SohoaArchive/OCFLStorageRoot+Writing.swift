import Foundation

extension OCFLStorageRoot {
    /// Writes a version of an object whose state is exactly `files`: `v1` for a new object, the next
    /// version for an existing one, or nothing (`unchanged`) when the state equals the head's.
    ///
    /// Content already in the object (same SHA-512) is not stored again. The write is atomic: a crash
    /// leaves either the old head or the new one (after the repair done by the next `openOrCreate`).
    /// With `expectedHead` (the head version the change was read from, e.g. `v3`), the version is
    /// written only if that is still the object's head when the object's lock is held; otherwise
    /// `OCFLError.headMoved` is thrown and nothing is written (read again and redo the change).
    /// Throws `OCFLError`.
    public func writeVersion(
        objectID: String, files: [LogicalFile], message: String, user: VersionUser, created: Date = Date(),
        expectedHead: String? = nil
    ) throws -> WrittenVersion {
        let id = objectID.precomposedStringWithCanonicalMapping
        try Self.checkObjectID(id)
        let normalizedFiles = try Self.normalize(files, objectID: id)
        let objectPath = layout.objectPath(for: id)
        let objectLock = try FileLock.acquire(lockURL(objectPath: objectPath))
        defer { objectLock.unlock() }

        let objectFolder = objectURL(id)
        try repairObject(at: objectFolder)
        let existing = try readInventory(objectID: id)
        if let expectedHead, existing?.head != expectedHead {
            throw OCFLError.headMoved(objectID: id, expected: expectedHead, found: existing?.head)
        }
        defer { inventories.forget(id: id) }
        if let existing, existing.type != OCFLInventory.type11 || existing.digestAlgorithm != "sha512" {
            throw OCFLError.corruptObject(
                objectID: id, path: objectFolder.path,
                reason:
                    "it was written as \(existing.type) with \(existing.digestAlgorithm); sohoa adds versions only to OCFL 1.1 objects using sha512"
            )
        }
        if existing == nil, FileManager.default.fileExists(atPath: objectFolder.path) {
            throw OCFLError.corruptObject(
                objectID: id, path: objectFolder.path, reason: "the folder exists but has no inventory.json")
        }

        let work = stagingWorkURL.appendingPathComponent(UUID().uuidString, isDirectory: true)
        try DurableFiles.makeFolder(work)
        let workLock = try FileLock.createLocked(work.appendingPathComponent("lock"))
        defer { workLock.unlock() }
        do {
            try DurableFiles.write(Data((objectPath + "\n").utf8), to: work.appendingPathComponent("target"))
            let plan = VersionPlan(objectID: id, objectPath: objectPath, existing: existing)
            let result = try stageAndCommit(
                plan, files: normalizedFiles, message: message, user: user, created: created, work: work)
            try removeWork(work)
            return result
        } catch let crash as SimulatedCrash {
            throw crash
        } catch {
            // The work folder (its `target`) is what tells the next open to repair the object: it goes
            // only once the object is repaired (a full disk can fail both the write and its repair).
            if (try? recoverInterruptedWrite(objectPath: objectPath)) != nil { try? removeWork(work) }
            throw error
        }
    }

    /// Stages the version in `work` and moves it into the storage hierarchy.
    private func stageAndCommit(
        _ plan: VersionPlan, files: [(path: String, source: LogicalFile.Source)], message: String,
        user: VersionUser, created: Date, work: URL
    ) throws -> WrittenVersion {
        let isNew = plan.existing == nil
        let stagedObject = work.appendingPathComponent("object", isDirectory: true)
        let versionFolder = (isNew ? stagedObject : work).appendingPathComponent(plan.versionName, isDirectory: true)
        var inventory = plan.startingInventory
        var state: [String: String] = [:]
        var folders: Set<URL> = [versionFolder]
        try DurableFiles.makeFolder(versionFolder)

        for (index, file) in files.enumerated() {
            let contentPath = "\(plan.versionName)/\(inventory.contentFolder)/\(file.path)"
            let destination = (isNew ? stagedObject : work).appendingPathComponent(contentPath)
            let digests = try stage(
                file, objectID: plan.objectID, incoming: work.appendingPathComponent("incoming-\(index)"),
                destination: { digests in
                    guard inventory.manifest[digests.sha512] == nil else { return nil }
                    let parent = destination.deletingLastPathComponent()
                    try DurableFiles.makeFolder(parent)
                    var folder = parent
                    while folder.path.count > versionFolder.path.count {
                        folders.insert(folder)
                        folder = folder.deletingLastPathComponent()
                    }
                    return destination
                })
            state[file.path] = digests.sha512
            if inventory.manifest[digests.sha512] == nil {
                inventory.manifest[digests.sha512] = [contentPath]
                inventory.fixity?["sha256", default: [:]][digests.sha256, default: []].append(contentPath)
            }
        }

        if let old = plan.existing, old.logicalState(old.head) == state {
            return WrittenVersion(objectID: plan.objectID, objectPath: plan.objectPath, version: old.head, unchanged: true)
        }
        var versionState: [String: [String]] = [:]
        for (path, digest) in state { versionState[digest, default: []].append(path) }
        for key in versionState.keys { versionState[key]?.sort() }
        inventory.versions[plan.versionName] = OCFLInventory.Version(
            created: Self.timestamp(created), state: versionState, message: message, user: user)
        inventory.head = plan.versionName

        let inventoryData: Data
        do {
            inventoryData = try inventory.encoded()
        } catch {
            throw OCFLError.fileSystem(operation: "encode inventory of", path: plan.objectID, reason: "\(error)")
        }
        let sidecar = Data("\(FileDigests(of: inventoryData).sha512) inventory.json\n".utf8)
        try DurableFiles.write(inventoryData, to: versionFolder.appendingPathComponent("inventory.json"))
        try DurableFiles.write(sidecar, to: versionFolder.appendingPathComponent("inventory.json.sha512"))
        for folder in folders.sorted(by: { $0.path.count > $1.path.count }) { DurableFiles.syncFolder(folder) }
        try faultInjector?(.contentStaged)

        let objectFolder = url.appendingPathComponent(plan.objectPath, isDirectory: true)
        if isNew {
            try DurableFiles.write(inventoryData, to: stagedObject.appendingPathComponent("inventory.json"))
            try DurableFiles.write(sidecar, to: stagedObject.appendingPathComponent("inventory.json.sha512"))
            try DurableFiles.write(
                Data(Self.objectDeclarationContent.utf8), to: stagedObject.appendingPathComponent(Self.objectDeclarationName))
            DurableFiles.syncFolder(stagedObject)
            try moveIntoHierarchy(stagedObject, to: objectFolder)
            try faultInjector?(.objectMovedIntoPlace)
        } else {
            try DurableFiles.rename(versionFolder, to: objectFolder.appendingPathComponent(plan.versionName))
            try faultInjector?(.versionMovedIntoPlace)
            let newInventory = work.appendingPathComponent("inventory.json")
            let newSidecar = work.appendingPathComponent("inventory.json.sha512")
            try DurableFiles.write(inventoryData, to: newInventory)
            try DurableFiles.write(sidecar, to: newSidecar)
            try DurableFiles.rename(newSidecar, to: objectFolder.appendingPathComponent("inventory.json.sha512"))
            try faultInjector?(.sidecarReplaced)
            try DurableFiles.rename(newInventory, to: objectFolder.appendingPathComponent("inventory.json"))
        }
        return WrittenVersion(objectID: plan.objectID, objectPath: plan.objectPath, version: plan.versionName, unchanged: false)
    }

    /// Digests one file; stores it at the URL `destination` returns (nil: content already stored).
    private func stage(
        _ file: (path: String, source: LogicalFile.Source), objectID: String, incoming: URL,
        destination: (FileDigests) throws -> URL?
    ) throws -> FileDigests {
        switch file.source {
        case .data(let data):
            let digests = FileDigests(of: data)
            if let target = try destination(digests) { try DurableFiles.write(data, to: target) }
            return digests
        case .file(let source):
            let digests: FileDigests
            do {
                digests = try FileDigests.copy(from: source, to: incoming)
            } catch {
                try? DurableFiles.remove(incoming)
                throw OCFLError.unreadableSource(
                    objectID: objectID, logicalPath: file.path, source: source.path, reason: "\(error)")
            }
            if let target = try destination(digests) {
                if Foundation.rename(incoming.path, target.path) != 0 {
                    throw DurableFiles.failure("move staged file to", target)
                }
            } else {
                try DurableFiles.remove(incoming)
            }
            return digests
        }
    }

    /// Renames a staged object into the hierarchy, creating the tuple folders.
    private func moveIntoHierarchy(_ staged: URL, to objectFolder: URL) throws {
        for attempt in 0..<3 {
            try DurableFiles.makeFolder(objectFolder.deletingLastPathComponent())
            do {
                try DurableFiles.rename(staged, to: objectFolder)
                return
            } catch {
                // A concurrent clean-up may have removed an empty tuple folder in between; try again.
                if attempt == 2 { throw error }
            }
        }
    }

    static func checkObjectID(_ id: String) throws {
        if id.isEmpty { throw OCFLError.invalidObjectID(id, reason: "it is empty") }
        if id.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw OCFLError.invalidObjectID(id, reason: "it contains a control character")
        }
    }

    static func normalize(_ files: [LogicalFile], objectID: String) throws -> [(path: String, source: LogicalFile.Source)] {
        var seen = Set<String>()
        var result: [(path: String, source: LogicalFile.Source)] = []
        for file in files {
            switch LogicalPathRules.normalized(file.logicalPath) {
            case .failure(let reason):
                throw OCFLError.invalidLogicalPath(objectID: objectID, logicalPath: file.logicalPath, reason: reason.text)
            case .success(let path):
                if !seen.insert(path).inserted { throw OCFLError.duplicateLogicalPath(objectID: objectID, logicalPath: path) }
                result.append((path, file.source))
            }
        }
        if let folder = LogicalPathRules.folderConflict(in: result.map(\.path)) {
            throw OCFLError.invalidLogicalPath(
                objectID: objectID, logicalPath: folder, reason: "it is both a file and the folder of another file")
        }
        return result
    }

    /// ISO 8601 date and time with time zone (UTC, `Z`).
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}

/// What a write starts from: the object's current inventory (if any) and the version to create.
struct VersionPlan {
    var objectID: String
    var objectPath: String
    var existing: OCFLInventory?

    var versionName: String {
        guard let existing, let head = existing.headNumber else { return "v1" }
        return existing.versionName(head + 1)
    }

    var startingInventory: OCFLInventory {
        if var inventory = existing {
            if inventory.fixity == nil { inventory.fixity = [:] }
            return inventory
        }
        return OCFLInventory(
            id: objectID, type: OCFLInventory.type11, digestAlgorithm: "sha512", head: "v1", contentDirectory: nil,
            manifest: [:], versions: [:], fixity: ["sha256": [:]])
    }
}

/// Thrown by test fault injection to stop a write as a crash would: no clean-up runs.
struct SimulatedCrash: Error {}
