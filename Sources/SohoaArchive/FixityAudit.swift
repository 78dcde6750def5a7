import Crypto
import Foundation

/// Re-reads the files of a storage root's objects and checks them against their inventories: missing,
/// changed and unexpected files, unreadable inventories, sidecars that do not match.
public struct FixityAudit: Sendable {
    /// Which objects to check.
    public enum Scope: Sendable, Equatable {
        /// Every object in the root.
        case all
        /// These objects (by id); one that is not there is a finding.
        case objects([String])
        /// A random sample of this fraction (0–1] of the objects, at least one.
        case sample(Double)
    }

    /// The storage root to audit.
    public let root: OCFLStorageRoot

    /// An audit of `root`.
    public init(root: OCFLStorageRoot) {
        self.root = root
    }

    /// Runs the audit. Throws `OCFLError` only when the root itself cannot be listed.
    public func run(_ scope: Scope = .all) throws -> FixityAuditReport {
        let started = Date()
        var folders: [(folder: URL, expectedID: String?)] = []
        var findings: [FixityFinding] = []
        switch scope {
        case .all:
            folders = try root.objectFolders().map { ($0, nil) }
        case .sample(let fraction):
            let all = try root.objectFolders()
            let count = min(all.count, max(1, Int((Double(all.count) * fraction).rounded(.up))))
            folders = all.shuffled().prefix(count).map { ($0, nil) }
        case .objects(let ids):
            for id in ids {
                let nfc = id.precomposedStringWithCanonicalMapping
                let folder = root.objectURL(nfc)
                if DurableFiles.isFolder(folder) {
                    folders.append((folder, nfc))
                } else {
                    findings.append(
                        FixityFinding(
                            kind: .objectMissing, objectID: nfc, objectPath: root.objectPath(for: nfc), path: "",
                            detail: "the object's folder is not in the storage root"))
                }
            }
        }
        var checked: [String] = []
        var files = 0
        var bytes: Int64 = 0
        for (folder, expectedID) in folders.sorted(by: { $0.folder.path < $1.folder.path }) {
            var object = ObjectAudit(folder: folder, objectPath: relativePath(folder), expectedID: expectedID)
            object.run()
            checked.append(object.objectID)
            files += object.files
            bytes += object.bytes
            findings += object.findings
        }
        return FixityAuditReport(
            startedAt: started, finishedAt: Date(), objectsChecked: checked.sorted(), filesChecked: files,
            bytesChecked: bytes, findings: findings)
    }

    private func relativePath(_ folder: URL) -> String {
        let base = root.url.standardizedFileURL.path
        let path = folder.standardizedFileURL.path
        return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
    }
}

/// The audit of one object folder.
private struct ObjectAudit {
    let folder: URL
    let objectPath: String
    var objectID: String
    var findings: [FixityFinding] = []
    var files = 0
    var bytes: Int64 = 0

    init(folder: URL, objectPath: String, expectedID: String?) {
        self.folder = folder
        self.objectPath = objectPath
        let encoded = folder.lastPathComponent
        objectID = expectedID ?? encoded.removingPercentEncoding ?? encoded
    }

    mutating func finding(_ kind: FixityFinding.Kind, _ path: String, _ detail: String) {
        findings.append(FixityFinding(kind: kind, objectID: objectID, objectPath: objectPath, path: path, detail: detail))
    }

    mutating func run() {
        let present = Set(allFiles())
        let inventoryData = try? Data(contentsOf: folder.appendingPathComponent("inventory.json"))
        guard let inventoryData else {
            finding(.inventoryUnreadable, "inventory.json", "the file is missing or cannot be read")
            return
        }
        let inventory: OCFLInventory
        do {
            inventory = try OCFLInventory.decode(inventoryData)
        } catch {
            finding(.inventoryUnreadable, "inventory.json", "it is not a readable OCFL inventory (truncated or damaged): \(error)")
            return
        }
        objectID = inventory.id
        var expected: Set<String> = ["inventory.json", "inventory.json.sha512"]
        if !present.contains(OCFLStorageRoot.objectDeclarationName) {
            finding(.missing, OCFLStorageRoot.objectDeclarationName, "the object declaration is missing")
        }
        expected.insert(OCFLStorageRoot.objectDeclarationName)
        checkSidecar("inventory.json.sha512", for: inventoryData, present: present)
        for version in inventory.versions.keys {
            let versionInventory = "\(version)/inventory.json"
            expected.insert(versionInventory)
            expected.insert("\(version)/inventory.json.sha512")
            guard present.contains(versionInventory) else {
                finding(.missing, versionInventory, "the version's copy of the inventory is missing")
                continue
            }
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(versionInventory)) else { continue }
            checkSidecar("\(version)/inventory.json.sha512", for: data, present: present)
            if version == inventory.head, data != inventoryData {
                finding(.versionInventoryMismatch, versionInventory, "differs from the object's inventory.json")
            }
        }
        for (digest, paths) in inventory.manifest {
            for path in paths {
                expected.insert(path)
                guard present.contains(path) else {
                    finding(.missing, path, "listed in the manifest (sha512 \(digest.prefix(16))…) but not there")
                    continue
                }
                check(path, sha512: digest.lowercased(), sha256: sha256(of: path, in: inventory))
            }
        }
        for path in present.subtracting(expected).sorted() where !path.hasPrefix("extensions/") {
            finding(.unexpected, path, "no inventory lists this file")
        }
    }

    private func sha256(of path: String, in inventory: OCFLInventory) -> String? {
        guard let fixity = inventory.fixity?["sha256"] else { return nil }
        return fixity.first { $0.value.contains(path) }?.key.lowercased()
    }

    private mutating func checkSidecar(_ sidecar: String, for inventory: Data, present: Set<String>) {
        guard present.contains(sidecar) else {
            finding(.missing, sidecar, "the inventory's digest file is missing")
            return
        }
        let actual = FileDigests(of: inventory).sha512
        let recorded = OCFLStorageRoot.sidecarDigest(folder.appendingPathComponent(sidecar)) ?? ""
        if recorded != actual {
            finding(.sidecarMismatch, sidecar, "records \(recorded.prefix(16))…, the inventory's sha512 is \(actual.prefix(16))…")
        }
    }

    private mutating func check(_ path: String, sha512 expected512: String, sha256 expected256: String?) {
        let url = folder.appendingPathComponent(path)
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            finding(.missing, path, "cannot be opened")
            return
        }
        var sha512 = SHA512()
        var sha256 = SHA256()
        var read: Int64 = 0
        do {
            try FileHasher.forEachChunk(of: url) { chunk in
                sha512.update(data: chunk)
                sha256.update(data: chunk)
                read += Int64(chunk.count)
            }
        } catch {
            finding(.changed, path, "cannot be read: \(error)")
            return
        }
        bytes += read
        files += 1
        let actual512 = Hex.string(sha512.finalize())
        let actual256 = Hex.string(sha256.finalize())
        if actual512 != expected512 {
            finding(.changed, path, "sha512 is \(actual512.prefix(16))…, the inventory says \(expected512.prefix(16))…")
        } else if let expected256, actual256 != expected256 {
            finding(.changed, path, "sha256 is \(actual256.prefix(16))…, the fixity block says \(expected256.prefix(16))…")
        }
    }

    /// Every regular file under the object folder, relative to it.
    private func allFiles() -> [String] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return []
        }
        let base = folder.standardizedFileURL.path
        var result: [String] = []
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.path
            if path.hasPrefix(base + "/") { result.append(String(path.dropFirst(base.count + 1))) }
        }
        return result
    }
}
