import Foundation

/// The chain of directories (pages) of a TIFF file, walked from the header before libtiff opens it.
///
/// libtiff 4.5 re-sorts its list of fields after each unknown tag it reads, so a crafted directory with
/// thousands of tags takes seconds to open (issue 12: a hang for the fuzzer, a cheap denial of service
/// for a batch). This walk reads only the header and each directory's entry count and next-directory
/// offset, and refuses a directory with more entries than any scan has, a chain that loops, or a chain
/// longer than any scan. Anything else it cannot follow (an offset past the end, a short read) ends the
/// walk quietly: libtiff then reports the damage in its own words.
struct TIFFDirectoryChain {
    /// Most entries (tags) accepted in one directory; real scans have 15–60.
    static let maximumEntries = 1_000
    /// Most directories (pages) followed in one file.
    static let maximumDirectories = 10_000

    /// The number of entries of each directory that could be read, in chain order.
    let entryCounts: [Int]

    /// Walks the directories of the TIFF at `path`; throws `.corrupt` for a file no scan looks like.
    init(path: String) throws(ImagingError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImagingError(
                file: path, kind: .unreadable,
                reason: "the file cannot be opened; check that it exists and is readable")
        }
        defer { try? handle.close() }
        var reader = Reader(handle: handle)
        entryCounts = try Self.walk(&reader, path: path)
    }

    private static func walk(_ reader: inout Reader, path: String) throws(ImagingError) -> [Int] {
        guard let header = reader.bytes(at: 0, count: 16), header.count >= 8 else { return [] }
        switch (header[0], header[1]) {
        case (0x49, 0x49): reader.bigEndian = false
        case (0x4D, 0x4D): reader.bigEndian = true
        default: return []
        }
        let layout: Layout
        var offset: UInt64
        switch reader.integer(header, at: 2, size: 2) {
        case 42:
            layout = .classic
            offset = reader.integer(header, at: 4, size: 4)
        case 43 where header.count == 16 && reader.integer(header, at: 4, size: 2) == 8:
            layout = .big
            offset = reader.integer(header, at: 8, size: 8)
        default:
            return []
        }

        var counts: [Int] = []
        var visited: [UInt64: Int] = [:]
        while offset != 0 {
            let number = counts.count + 1
            guard counts.count < maximumDirectories else {
                throw refusal(
                    path,
                    "has more than \(grouped(maximumDirectories)) directories (pages); a scan has far fewer: "
                        + "the file is damaged or not a scan")
            }
            if let earlier = visited[offset] {
                throw refusal(
                    path,
                    "has a list of pages that loops: directory \(number - 1) leads back to directory \(earlier); "
                        + "the file is damaged: rescan or re-export it")
            }
            visited[offset] = number
            guard let countBytes = reader.bytes(at: offset, count: layout.countSize),
                countBytes.count == layout.countSize
            else { break }
            let entries = reader.integer(countBytes, at: 0, size: layout.countSize)
            guard entries <= UInt64(maximumEntries) else {
                throw refusal(
                    path,
                    "has \(grouped(entries)) tags in directory \(number); a scan has fewer than "
                        + "\(grouped(maximumEntries)): the file is damaged or not a scan")
            }
            counts.append(Int(entries))
            let (next, overflow) = offset.addingReportingOverflow(
                UInt64(layout.countSize) + entries * UInt64(layout.entrySize))
            guard !overflow, let nextBytes = reader.bytes(at: next, count: layout.offsetSize),
                nextBytes.count == layout.offsetSize
            else { break }
            offset = reader.integer(nextBytes, at: 0, size: layout.offsetSize)
        }
        return counts
    }

    private static func refusal(_ path: String, _ what: String) -> ImagingError {
        ImagingError(file: path, kind: .corrupt, reason: "the TIFF file \(what)")
    }

    /// `value` with a comma between thousands ("2,240"), whatever the locale.
    private static func grouped<Number: BinaryInteger>(_ value: Number) -> String {
        let digits = Array(String(value))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }

    // MARK: - Reading

    /// Sizes in a classic TIFF (4-byte offsets) or a BigTIFF (8-byte offsets).
    private enum Layout {
        case classic, big

        var countSize: Int { self == .classic ? 2 : 8 }
        var entrySize: UInt64 { self == .classic ? 12 : 20 }
        var offsetSize: Int { self == .classic ? 4 : 8 }
    }

    /// Reads a few bytes at a time at given offsets; never past the end of the file.
    private struct Reader {
        let handle: FileHandle
        var bigEndian = false
        private let size: UInt64

        init(handle: FileHandle) {
            self.handle = handle
            size = (try? handle.seekToEnd()) ?? 0
        }

        /// Up to `count` bytes at `offset`, or `nil` when the offset is past the end or the read fails.
        func bytes(at offset: UInt64, count: Int) -> [UInt8]? {
            guard offset < size else { return nil }
            do {
                try handle.seek(toOffset: offset)
                return [UInt8](try handle.read(upToCount: count) ?? Data())
            } catch {
                return nil
            }
        }

        /// The unsigned integer of `size` bytes at `index` of `bytes`, in the file's byte order.
        func integer(_ bytes: [UInt8], at index: Int, size: Int) -> UInt64 {
            var value: UInt64 = 0
            for position in 0..<size {
                let byte = UInt64(bytes[index + (bigEndian ? position : size - 1 - position)])
                value = value << 8 | byte
            }
            return value
        }
    }
}
