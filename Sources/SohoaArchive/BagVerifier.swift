import Crypto
import Foundation

/// Checks a BagIt bag completely before anything of it is used: `bagit.txt`, every manifest and
/// tag-manifest checksum, `Payload-Oxum`, no missing or extra payload files, and (for sohoa) a `mets.xml`.
public enum BagVerifier {
    /// The verified bag, or `BagProblems` listing everything wrong with it.
    public static func verify(_ url: URL, requiring required: [String] = ["mets.xml"]) throws(BagProblems) -> Bag {
        var problems: [String] = []
        let bag = url.standardizedFileURL
        guard DurableFiles.isFolder(bag) else {
            throw BagProblems(bag: bag.path, problems: ["it is not a folder"])
        }
        let declaration = (try? String(contentsOf: bag.appendingPathComponent("bagit.txt"), encoding: .utf8)) ?? ""
        let declared = fields(declaration)
        if declaration.isEmpty {
            problems.append("bagit.txt is missing or not UTF-8")
        } else {
            if let version = declared.first(where: { $0.label == "BagIt-Version" })?.value {
                if version != "1.0" && version != "0.97" { problems.append("bagit.txt: BagIt-Version \(version) is not supported (1.0)") }
            } else {
                problems.append("bagit.txt has no BagIt-Version")
            }
            let encoding = declared.first { $0.label == "Tag-File-Character-Encoding" }?.value ?? ""
            if encoding.uppercased() != "UTF-8" { problems.append("bagit.txt: Tag-File-Character-Encoding is '\(encoding)', not UTF-8") }
        }
        if FileManager.default.fileExists(atPath: bag.appendingPathComponent("fetch.txt").path) {
            problems.append("fetch.txt is present: bags with files to fetch are not accepted; send a complete bag")
        }
        let infoText = (try? String(contentsOf: bag.appendingPathComponent("bag-info.txt"), encoding: .utf8)) ?? ""
        let info = fields(infoText)

        let data = bag.appendingPathComponent("data", isDirectory: true)
        let present = Set(files(under: data).map { "data/" + $0 })
        if !DurableFiles.isFolder(data) { problems.append("the payload folder data/ is missing") }

        let names = (try? DurableFiles.entries(of: bag)) ?? []
        let manifests = names.filter { $0.hasPrefix("manifest-") && $0.hasSuffix(".txt") }
        let tagManifests = names.filter { $0.hasPrefix("tagmanifest-") && $0.hasSuffix(".txt") }
        if manifests.isEmpty { problems.append("no payload manifest (manifest-sha512.txt) is present") }
        for manifest in manifests {
            let listed = check(manifest, in: bag, problems: &problems)
            for missing in present.subtracting(listed).sorted() {
                problems.append("\(missing) is in the payload but not in \(manifest)")
            }
        }
        for tagManifest in tagManifests {
            let listed = check(tagManifest, in: bag, problems: &problems)
            for path in listed where path.hasPrefix("data/") {
                problems.append("\(tagManifest) lists the payload file \(path)")
            }
        }
        if let oxum = info.first(where: { $0.label.lowercased() == "payload-oxum" })?.value {
            let parts = oxum.split(separator: ".")
            var octets: Int64 = 0
            for path in present {
                octets += Int64(
                    (try? FileManager.default.attributesOfItem(atPath: bag.appendingPathComponent(path).path)[.size] as? NSNumber)??
                        .int64Value ?? 0)
            }
            if parts.count != 2 || Int64(parts[0]) != octets || Int(parts[1]) != present.count {
                problems.append("Payload-Oxum is \(oxum), the payload has \(octets) bytes in \(present.count) files")
            }
        }
        for path in required where !present.contains("data/" + path) {
            problems.append("data/\(path) is missing: a sohoa bag carries its object's \(path)")
        }
        if !problems.isEmpty { throw BagProblems(bag: bag.path, problems: problems) }
        var payload: [String: URL] = [:]
        for path in present {
            let relative = String(path.dropFirst("data/".count))
            payload[relative.precomposedStringWithCanonicalMapping] = data.appendingPathComponent(relative)
        }
        return Bag(url: bag, info: info, payload: payload)
    }

    /// Checks every line of a manifest; returns the paths it lists (relative to the bag).
    private static func check(_ manifest: String, in bag: URL, problems: inout [String]) -> Set<String> {
        let algorithm = String(manifest.split(separator: "-", maxSplits: 1).last?.dropLast(4) ?? "")
        guard ["sha512", "sha256"].contains(algorithm) else {
            problems.append("\(manifest): algorithm \(algorithm) is not supported (sha512, sha256)")
            return []
        }
        guard let text = try? String(contentsOf: bag.appendingPathComponent(manifest), encoding: .utf8) else {
            problems.append("\(manifest) cannot be read as UTF-8")
            return []
        }
        var listed = Set<String>()
        for (number, line) in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let trimmed = line.trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
            guard let space = trimmed.firstIndex(where: { $0 == " " || $0 == "\t" }) else {
                problems.append("\(manifest) line \(number + 1) is not '<checksum> <path>'")
                continue
            }
            let expected = trimmed[..<space].lowercased()
            let path = BagPath.decode(String(trimmed[space...].drop { $0 == " " || $0 == "\t" }))
            if path.hasPrefix("/") || path.split(separator: "/").contains("..") {
                problems.append("\(manifest): path \(path) points outside the bag")
                continue
            }
            listed.insert(path)
            let file = bag.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: file.path) else {
                problems.append("\(path) is listed in \(manifest) but missing")
                continue
            }
            guard let actual = digest(file, algorithm: algorithm) else {
                problems.append("\(path) cannot be read")
                continue
            }
            if actual != expected {
                problems.append("\(path): \(algorithm) is \(actual.prefix(16))…, \(manifest) says \(expected.prefix(16))…")
            }
        }
        return listed
    }

    private static func digest(_ url: URL, algorithm: String) -> String? {
        algorithm == "sha512" ? try? FileHasher.hex(SHA512.self, of: url) : try? FileHasher.hex(SHA256.self, of: url)
    }

    /// `label: value` lines; continuation lines (starting with whitespace) join the previous value.
    static func fields(_ text: String) -> [BagInfoEntry] {
        var entries: [BagInfoEntry] = []
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = line.trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
            if let first = line.first, first == " " || first == "\t", !entries.isEmpty {
                entries[entries.count - 1].value += " " + line.trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            entries.append(
                BagInfoEntry(
                    String(line[..<colon]).trimmingCharacters(in: .whitespaces),
                    String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
        }
        return entries
    }

    /// Regular files under `folder`, relative to it.
    private static func files(under folder: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return []
        }
        let base = folder.standardizedFileURL.path
        var result: [String] = []
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            let path = url.standardizedFileURL.path
            if path.hasPrefix(base + "/") { result.append(String(path.dropFirst(base.count + 1))) }
        }
        return result
    }
}
