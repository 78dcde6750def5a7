import Foundation

extension OCFLStorageRoot {
    /// The SHA-256 of each logical path of an object's head version, from the inventory's `fixity`
    /// block (paths it does not cover are left out); nil when the object does not exist.
    public func headSHA256(objectID: String) throws -> [String: String]? {
        let id = objectID.precomposedStringWithCanonicalMapping
        guard let inventory = try readInventory(objectID: id), let state = inventory.logicalState(inventory.head) else {
            return nil
        }
        var byContentPath: [String: String] = [:]
        for (digest, paths) in inventory.fixity?["sha256"] ?? [:] {
            for path in paths { byContentPath[path] = digest.lowercased() }
        }
        var result: [String: String] = [:]
        for (logicalPath, sha512) in state {
            if let digest = inventory.manifest[sha512]?.lazy.compactMap({ byContentPath[$0] }).first {
                result[logicalPath] = digest
            }
        }
        return result
    }
}
