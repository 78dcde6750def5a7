import Foundation

/// A bag's files packed into one fuzzer input: each file starts with a line `=== <path inside the bag>`
/// and runs to the next such line (a tar-like split that mutations keep mostly readable).
struct BagInput {
    /// At most this many files are written, so that one input stays small.
    static let maximumFiles = 32

    var files: [(path: String, contents: Data)] = []

    init(_ input: Data) {
        let marker = Array("=== ".utf8)
        let bytes = [UInt8](input)
        var index = 0
        while index < bytes.count, files.count < Self.maximumFiles {
            guard bytes[index...].starts(with: marker), let end = bytes[index...].firstIndex(of: 0x0A) else { break }
            let path = String(decoding: bytes[(index + marker.count)..<end], as: UTF8.self)
            var next = end + 1
            while next < bytes.count, !(bytes[next - 1] == 0x0A && bytes[next...].starts(with: marker)) { next += 1 }
            if Self.isSafe(path) { files.append((path, Data(bytes[(end + 1)..<next]))) }
            index = next
        }
    }

    /// Writes the files into `folder` (emptied first).
    func write(into folder: URL) {
        let manager = FileManager.default
        try? manager.removeItem(at: folder)
        try? manager.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in files {
            let url = folder.appendingPathComponent(file.path)
            try? manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? file.contents.write(to: url)
        }
    }

    /// A relative path of plain names that stays inside the bag.
    static func isSafe(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return !path.isEmpty && parts.count <= 4 && !path.contains("\0")
            && parts.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." && $0.utf8.count <= 100 }
    }
}
