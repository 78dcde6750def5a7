import Foundation

/// The place inside a web upload's folder of one file a browser sent: the `filename` of a form
/// part, which for a folder picked with `webkitdirectory` is its relative path (`lô/sách/trang-1.tif`).
/// Whatever the browser sends, the result is a plain relative path of ordinary names: no `..` or
/// `.`, nothing absolute, no backslashes, control characters or empty segments, at most 8 levels
/// and 255 bytes a name. The folder the user picked (the first segment) is dropped.
enum WebUploadPath: Equatable {
    /// Where the file goes, relative to the batch folder; segments in NFC.
    case file([String])
    /// A file the batch does not need (hidden files such as `.DS_Store`, whose names start with a dot).
    case skipped
    /// A name no file may have; the reason in plain words, the name given.
    case refused(UploadProblem)

    /// The most levels below the batch folder.
    static let maximumDepth = 8

    /// The path of `filename` as sent (after the browser's `%22`, `%0D`, `%0A` escapes are undone).
    static func of(_ filename: String) -> WebUploadPath {
        let name = filename.precomposedStringWithCanonicalMapping
        func refuse(_ vi: String, _ en: String) -> WebUploadPath { .refused(UploadProblem(vi: vi, en: en).of(name)) }
        if name.isEmpty { return refuse("tên tệp trống", "the file name is empty") }
        let start = Array(name.unicodeScalars.prefix(2))
        let drive = start.count == 2 && start[1] == ":" && CharacterSet.letters.contains(start[0])
        if name.hasPrefix("/") || name.hasPrefix("~") || drive {
            return refuse("đường dẫn tuyệt đối không được phép", "an absolute path is not allowed")
        }
        if name.contains("\\") { return refuse("tên có dấu \\", "the name has a backslash") }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) }) {
            return refuse("tên có ký tự điều khiển", "the name has a control character")
        }
        var segments = name.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if segments.contains(where: { $0 == ".." || $0 == "." }) {
            return refuse("đường dẫn có “..” hoặc “.”", "the path has a '..' or '.' segment")
        }
        if segments.contains(where: \.isEmpty) { return refuse("đường dẫn có đoạn trống (“//”)", "the path has an empty segment ('//')") }
        if segments.contains(where: { $0.utf8.count > 255 }) {
            return refuse("có tên dài quá 255 byte", "a name is longer than 255 bytes")
        }
        // The folder the user picked names the batch; its contents are the batch.
        if segments.count > 1 { segments.removeFirst() }
        if segments.count > maximumDepth {
            return refuse("thư mục lồng quá \(maximumDepth) cấp", "folders nested deeper than \(maximumDepth) levels")
        }
        if segments.contains(where: { $0.hasPrefix(".") }) { return .skipped }
        if segments.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty || $0.hasSuffix(" ") }) {
            return refuse("tên chỉ có dấu cách hoặc kết thúc bằng dấu cách", "a name is blank or ends with a space")
        }
        return .file(segments)
    }

    /// The folder name the user picked: the first segment of a sent path, if it has more than one.
    static func pickedFolder(_ filename: String) -> String? {
        let segments = filename.precomposedStringWithCanonicalMapping.split(separator: "/", omittingEmptySubsequences: false)
        guard segments.count > 1, let first = segments.first, !first.isEmpty, first != "..", first != "." else { return nil }
        return String(first)
    }

    /// A `filename` parameter's browser escapes undone: the HTML standard sends `"` as `%22` and
    /// line breaks as `%0D`/`%0A` (a line break then refuses the name).
    static func unescaped(_ raw: String) -> String {
        raw.replacingOccurrences(of: "%22", with: "\"").replacingOccurrences(of: "%0D", with: "\r")
            .replacingOccurrences(of: "%0A", with: "\n")
    }
}
