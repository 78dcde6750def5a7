import Foundation

/// Writes one uncompressed POSIX tar of a folder's regular files, the same bytes every time for the
/// same files: entries sorted by path, owner root, time 0, modes 0644; paths longer than ustar holds
/// (or not ASCII) and sizes over 8 GiB go in pax records. Links and other special files are refused.
public enum TarWriter {
    /// Writes the tar of everything under `folder` to `destination` (replaced); returns its size.
    @discardableResult
    public static func write(folder: URL, to destination: URL) throws(TarError) -> Int64 {
        let files = try regularFiles(under: folder)
        _ = FileManager.default.createFile(atPath: destination.path, contents: nil)
        guard let output = FileHandle(forWritingAtPath: destination.path) else {
            throw TarError(problems: ["\(destination.path) cannot be written"])
        }
        defer { try? output.close() }
        var written: Int64 = 0
        do {
            for (path, url) in files {
                let size = ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.int64Value ?? 0
                for block in headerBlocks(path: path, size: size) {
                    try output.write(contentsOf: block)
                    written += Int64(block.count)
                }
                guard let input = FileHandle(forReadingAtPath: url.path) else {
                    throw TarError(problems: ["\(url.path) cannot be read"])
                }
                defer { try? input.close() }
                var copied: Int64 = 0
                while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
                    try output.write(contentsOf: chunk)
                    copied += Int64(chunk.count)
                }
                guard copied == size else { throw TarError(problems: ["\(url.path) changed while it was packed; pack it again"]) }
                let padding = Int((Int64(TarHeader.blockSize) - size % Int64(TarHeader.blockSize)) % Int64(TarHeader.blockSize))
                if padding > 0 { try output.write(contentsOf: Data(count: padding)) }
                written += copied + Int64(padding)
            }
            try output.write(contentsOf: Data(count: 2 * TarHeader.blockSize))
            written += Int64(2 * TarHeader.blockSize)
            try output.synchronize()
        } catch let error as TarError {
            throw error
        } catch {
            throw TarError(problems: ["\(destination.path) cannot be written: \(error.localizedDescription)"])
        }
        return written
    }

    /// The header blocks of one file: a pax header first when the path or size needs one.
    static func headerBlocks(path: String, size: Int64) -> [[UInt8]] {
        let bytes = Array(path.utf8)
        var split: (name: [UInt8], prefix: [UInt8])?
        let ascii = bytes.allSatisfy { $0 < 0x80 }
        if ascii && bytes.count <= 100 {
            split = (bytes, [])
        } else if ascii, bytes.count <= 256 {
            // A "/" such that the part after it fits in name (100) and before it in prefix (155).
            for index in bytes.indices.reversed() where bytes[index] == 0x2F {
                if bytes.count - index - 1 <= 100, index <= 155, index > 0 {
                    split = (Array(bytes[(index + 1)...]), Array(bytes[..<index]))
                    break
                }
            }
        }
        let sizeFits = size < 0o77777777777
        var blocks: [[UInt8]] = []
        if split == nil || !sizeFits {
            var records: [UInt8] = []
            if split == nil { records += TarHeader.paxRecord("path", path) }
            if !sizeFits { records += TarHeader.paxRecord("size", String(size)) }
            blocks.append(
                TarHeader.block(
                    name: Array("PaxHeaders/entry".utf8), prefix: [], size: Int64(records.count),
                    type: TarHeader.Kind.paxExtended.rawValue, mode: 0o644))
            var data = records
            data += [UInt8](repeating: 0, count: (TarHeader.blockSize - records.count % TarHeader.blockSize) % TarHeader.blockSize)
            for start in stride(from: 0, to: data.count, by: TarHeader.blockSize) {
                blocks.append(Array(data[start..<(start + TarHeader.blockSize)]))
            }
        }
        let name = split?.name ?? Array(String(decoding: bytes.suffix(100).filter { $0 < 0x80 }, as: UTF8.self).utf8)
        blocks.append(
            TarHeader.block(
                name: name, prefix: split?.prefix ?? [], size: sizeFits ? size : 0, type: TarHeader.Kind.file.rawValue, mode: 0o644))
        return blocks
    }

    /// Regular files under `folder` by relative path, sorted by their UTF-8 bytes; refuses links and
    /// special files.
    static func regularFiles(under folder: URL) throws(TarError) -> [(String, URL)] {
        let base = folder.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: base) else {
            throw TarError(problems: ["\(base) cannot be read"])
        }
        var files: [(String, URL)] = []
        var problems: [String] = []
        while let relative = walker.nextObject() as? String {
            let url = URL(fileURLWithPath: base).appendingPathComponent(relative)
            let type = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType
            switch type {
            case .typeRegular?: files.append((relative.precomposedStringWithCanonicalMapping, url))
            case .typeDirectory?: continue
            default: problems.append("\(relative) is a link or a special file: only plain files can be sent")
            }
        }
        if !problems.isEmpty { throw TarError(problems: problems) }
        return files.sorted { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }
    }
}

/// A tar that cannot be written or is refused when unpacked; every problem is named.
public struct TarError: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [String]

    public init(problems: [String]) {
        self.problems = problems
    }

    public var description: String { problems.joined(separator: "; ") }
}
