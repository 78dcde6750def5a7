import Foundation

/// OCFL's rules for logical paths, plus what a POSIX file system needs to store them as content paths.
enum LogicalPathRules {
    /// The NFC form of `path`, or the reason it cannot be used.
    static func normalized(_ path: String) -> Result<String, Reason> {
        let nfc = path.precomposedStringWithCanonicalMapping
        if nfc.isEmpty { return .failure(Reason("it is empty")) }
        if nfc.hasPrefix("/") || nfc.hasSuffix("/") { return .failure(Reason("it starts or ends with '/'")) }
        if nfc.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return .failure(Reason("it contains a control character"))
        }
        for segment in nfc.split(separator: "/", omittingEmptySubsequences: false) {
            if segment.isEmpty { return .failure(Reason("it contains an empty segment ('//')")) }
            if segment == "." || segment == ".." { return .failure(Reason("it contains a '\(segment)' segment")) }
            if segment.utf8.count > 255 { return .failure(Reason("a segment is longer than 255 bytes in UTF-8")) }
        }
        return .success(nfc)
    }

    /// A logical path that is also a folder of another logical path (`a` and `a/b`), if any.
    static func folderConflict(in paths: [String]) -> String? {
        let all = Set(paths)
        for path in paths {
            var prefix = Substring(path)
            while let slash = prefix.lastIndex(of: "/") {
                prefix = prefix[..<slash]
                if all.contains(String(prefix)) { return String(prefix) }
            }
        }
        return nil
    }

    /// Why a path was refused.
    struct Reason: Error {
        var text: String
        init(_ text: String) { self.text = text }
    }
}
