import Crypto
import Foundation

/// Writes BagIt 1.0 bags with SHA-512 manifests.
public enum BagWriter {
    /// Writes a bag at `destination` (replaced if it exists) whose payload is `payload` (path under
    /// `data/` → source file) and whose `bag-info.txt` holds `info` followed by `Payload-Oxum`.
    ///
    /// The bag is built beside `destination` and renamed into place when complete. Throws `OCFLError`.
    @discardableResult
    public static func write(payload: [String: URL], info: [BagInfoEntry], to destination: URL) throws -> Bag {
        let parent = destination.deletingLastPathComponent()
        try DurableFiles.makeFolder(parent)
        let building = parent.appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString).partial")
        do {
            let data = building.appendingPathComponent("data", isDirectory: true)
            try DurableFiles.makeFolder(data)
            var manifest = ""
            var octets: Int64 = 0
            var placed: [String: URL] = [:]
            for (path, source) in payload.sorted(by: { $0.key < $1.key }) {
                let nfc = path.precomposedStringWithCanonicalMapping
                if case .failure(let reason) = LogicalPathRules.normalized(nfc) {
                    throw OCFLError.invalidLogicalPath(objectID: destination.lastPathComponent, logicalPath: path, reason: reason.text)
                }
                let target = data.appendingPathComponent(nfc)
                try DurableFiles.makeFolder(target.deletingLastPathComponent())
                let digests = try FileDigests.copy(from: source, to: target)
                octets += Int64((try? FileManager.default.attributesOfItem(atPath: target.path)[.size] as? NSNumber)??.int64Value ?? 0)
                manifest += "\(digests.sha512)  data/\(BagPath.encode(nfc))\n"
                placed[nfc] = destination.appendingPathComponent("data").appendingPathComponent(nfc)
            }
            let allInfo = info + [BagInfoEntry("Payload-Oxum", "\(octets).\(payload.count)")]
            let tagFiles: [(String, String)] = [
                ("bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"),
                ("bag-info.txt", allInfo.map { "\($0.label): \(oneLine($0.value))\n" }.joined()),
                ("manifest-sha512.txt", manifest),
            ]
            var tagManifest = ""
            for (name, text) in tagFiles {
                let bytes = Data(text.utf8)
                try DurableFiles.write(bytes, to: building.appendingPathComponent(name))
                tagManifest += "\(Hex.string(SHA512.hash(data: bytes)))  \(name)\n"
            }
            try DurableFiles.write(Data(tagManifest.utf8), to: building.appendingPathComponent("tagmanifest-sha512.txt"))
            try DurableFiles.remove(destination)
            try DurableFiles.rename(building, to: destination)
            return Bag(url: destination, info: allInfo, payload: placed)
        } catch {
            try? DurableFiles.remove(building)
            throw error
        }
    }

    private static func oneLine(_ value: String) -> String {
        value.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    }
}
