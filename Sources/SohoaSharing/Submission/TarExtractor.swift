import Foundation

/// Unpacks an uploaded tar into a folder of its own, refusing anything that could reach outside it:
/// absolute paths, `..`, links, devices and other special entries, the same path twice, and data
/// beyond the file's end. Regular files and folders only; pax records may give a path and a size.
public enum TarExtractor {
    /// Unpacks `tar` into `destination` (created; must not exist yet). On any problem nothing is
    /// left behind and `TarError` lists the problems.
    public static func extract(_ tar: URL, into destination: URL) throws(TarError) {
        do {
            try unpack(tar, into: destination)
        } catch {
            try? FileManager.default.removeItem(at: destination)
            throw error
        }
    }

    private static func unpack(_ tar: URL, into destination: URL) throws(TarError) {
        let root = destination.standardizedFileURL
        guard !FileManager.default.fileExists(atPath: root.path) else {
            throw TarError(problems: ["\(root.path) already exists; it is not unpacked over"])
        }
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            throw TarError(problems: ["\(root.path) cannot be made: \(error.localizedDescription)"])
        }
        guard let input = FileHandle(forReadingAtPath: tar.path) else { throw TarError(problems: ["\(tar.path) cannot be read"]) }
        defer { try? input.close() }
        var reader = BlockReader(input: input)
        var pax: [String: String] = [:]
        var seen = Set<String>()
        var entry = 0
        while true {
            guard let block = try reader.block() else {
                throw TarError(problems: ["the tar ends without its end marker (truncated upload?)"])
            }
            if block.allSatisfy({ $0 == 0 }) { return }
            entry += 1
            guard let header = TarHeader.parse(block) else {
                throw TarError(problems: ["entry \(entry): the header's checksum is wrong (damaged tar)"])
            }
            let size = pax["size"].flatMap { Int64($0) } ?? header.size
            guard let size, size >= 0 else { throw TarError(problems: ["entry \(entry): its size cannot be read"]) }
            var path = pax["path"] ?? (header.prefix.isEmpty ? header.name : header.prefix + "/" + header.name)
            pax = [:]
            switch header.type {
            case TarHeader.Kind.paxExtended.rawValue:
                guard size <= 1 << 20, let records = TarHeader.paxRecords(try reader.bytes(Int(size))) else {
                    throw TarError(problems: ["entry \(entry): a pax header that cannot be read"])
                }
                pax = records
                continue
            case TarHeader.Kind.file.rawValue, 0, TarHeader.Kind.directory.rawValue:
                break
            default:
                let what =
                    switch header.type {
                    case 0x31, 0x32: "a link"
                    case 0x33, 0x34, 0x36: "a device or pipe"
                    default: "an entry of type '\(String(decoding: [header.type], as: UTF8.self))'"
                    }
                throw TarError(problems: ["\(path) is \(what): only plain files and folders are accepted"])
            }
            let isFolder = header.type == TarHeader.Kind.directory.rawValue
            if isFolder, path.hasSuffix("/") { path.removeLast() }
            let target = try place(path, under: root)
            guard seen.insert(target.path).inserted else { throw TarError(problems: ["\(path) is in the tar twice"]) }
            if isFolder {
                do {
                    try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
                } catch {
                    throw TarError(problems: ["\(path): the folder cannot be made: \(error.localizedDescription)"])
                }
                try reader.skip(size)
                continue
            }
            try reader.copy(size, to: target, path: path)
        }
    }

    /// Where a tar path lands under `root`; refuses absolute paths, `..`, empty or odd names.
    static func place(_ path: String, under root: URL) throws(TarError) -> URL {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let cleaned = parts.first == "." ? Array(parts.dropFirst()) : parts
        guard !path.hasPrefix("/"), !cleaned.isEmpty, path.utf8.count <= 4096,
            cleaned.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("\0") })
        else {
            throw TarError(problems: ["\(path): the path is absolute, empty or holds '..': refused, nothing is written outside the inbox"])
        }
        let target = cleaned.reduce(root) { $0.appendingPathComponent($1) }.standardizedFileURL
        guard target.path.hasPrefix(root.path + "/") else {
            throw TarError(problems: ["\(path) points outside the submission's folder: refused"])
        }
        return target
    }

    /// Reads a tar in 512-byte blocks.
    private struct BlockReader {
        let input: FileHandle

        mutating func block() throws(TarError) -> [UInt8]? {
            let bytes = try read(TarHeader.blockSize)
            return bytes.count == TarHeader.blockSize ? bytes : nil
        }

        /// `count` bytes of data, then the padding to the next block.
        mutating func bytes(_ count: Int) throws(TarError) -> [UInt8] {
            let data = try read(count)
            guard data.count == count else { throw TarError(problems: ["the tar ends inside an entry (truncated upload?)"]) }
            try skipPadding(Int64(count))
            return data
        }

        mutating func skip(_ size: Int64) throws(TarError) {
            var left = size
            while left > 0 {
                let part = try read(Int(min(left, 1 << 20)))
                guard !part.isEmpty else { throw TarError(problems: ["the tar ends inside an entry (truncated upload?)"]) }
                left -= Int64(part.count)
            }
            try skipPadding(size)
        }

        mutating func copy(_ size: Int64, to target: URL, path: String) throws(TarError) {
            do {
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw TarError(problems: ["\(path): its folder cannot be made: \(error.localizedDescription)"])
            }
            guard FileManager.default.createFile(atPath: target.path, contents: nil),
                let output = FileHandle(forWritingAtPath: target.path)
            else { throw TarError(problems: ["\(path) cannot be written"]) }
            defer { try? output.close() }
            var left = size
            while left > 0 {
                let part = try read(Int(min(left, 1 << 20)))
                guard !part.isEmpty else { throw TarError(problems: ["the tar ends inside \(path) (truncated upload?)"]) }
                do {
                    try output.write(contentsOf: part)
                } catch {
                    throw TarError(problems: ["\(path) cannot be written: \(error.localizedDescription)"])
                }
                left -= Int64(part.count)
            }
            try skipPadding(size)
        }

        private mutating func skipPadding(_ size: Int64) throws(TarError) {
            let padding = Int((Int64(TarHeader.blockSize) - size % Int64(TarHeader.blockSize)) % Int64(TarHeader.blockSize))
            if padding > 0 { _ = try read(padding) }
        }

        private func read(_ count: Int) throws(TarError) -> [UInt8] {
            var result: [UInt8] = []
            while result.count < count {
                let part: Data?
                do {
                    part = try input.read(upToCount: count - result.count)
                } catch {
                    throw TarError(problems: ["the tar cannot be read: \(error.localizedDescription)"])
                }
                guard let part, !part.isEmpty else { break }
                result += part
            }
            return result
        }
    }
}
