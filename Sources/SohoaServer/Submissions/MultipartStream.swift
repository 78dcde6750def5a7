import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reads a `multipart/form-data` body (RFC 7578) as it arrives, piece by piece: reports each part's
/// header fields, then its content in pieces, then its end. Only the boundary is looked for (with
/// `memchr`/`memcmp`), so a file's bytes pass through at memory speed and at most a boundary's
/// length of them is held back between two pieces.
final class MultipartStream {
    /// The body does not follow the multipart syntax.
    struct Malformed: Error {}

    private enum State {
        case preamble, afterBoundary, headers, content, epilogue
    }

    /// A header field of the part that begins (name as sent, value trimmed).
    var onHeader: (String, String) -> Void = { _, _ in }
    /// A piece of the current part's content (valid only during the call).
    var onContent: (UnsafeRawBufferPointer) -> Void = { _ in }
    /// The current part ended.
    var onPartEnd: () -> Void = {}

    /// `--boundary`, which opens the first part.
    private let opening: [UInt8]
    /// `\r\n--boundary`, which ends a part's content.
    private let delimiter: [UInt8]
    private var held: [UInt8] = []
    private var state = State.preamble
    /// The most bytes a part's header block may have.
    private static let maximumHeaderBytes = 16 << 10

    init(boundary: String) {
        opening = Array("--\(boundary)".utf8)
        delimiter = Array("\r\n--\(boundary)".utf8)
    }

    /// Whether the closing boundary was read.
    var isFinished: Bool { state == .epilogue }

    /// Takes the next piece of the body.
    func execute(_ bytes: some Collection<UInt8>) throws {
        guard state != .epilogue else { return }
        held.append(contentsOf: bytes)
        var start = 0
        defer { held.removeFirst(start) }
        reading: while true {
            switch state {
            case .preamble:
                if let at = find(opening, from: start) {
                    start = at + opening.count
                    state = .afterBoundary
                } else {
                    start = max(start, held.count - (opening.count - 1))
                    break reading
                }
            case .afterBoundary:
                guard held.count - start >= 2 else { break reading }
                let next = (held[start], held[start + 1])
                if next == (13, 10) {
                    start += 2
                    state = .headers
                } else if next == (45, 45) {
                    state = .epilogue
                    start = held.count
                    break reading
                } else {
                    throw Malformed()
                }
            case .headers:
                if held.count - start >= 2, held[start] == 13, held[start + 1] == 10 {
                    start += 2
                    state = .content
                    continue reading
                }
                guard let end = find([13, 10, 13, 10], from: start) else {
                    guard held.count - start <= Self.maximumHeaderBytes else { throw Malformed() }
                    break reading
                }
                let block = String(decoding: held[start..<end], as: UTF8.self)
                for line in block.components(separatedBy: "\r\n") {
                    guard let colon = line.firstIndex(of: ":") else { throw Malformed() }
                    onHeader(String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
                }
                start = end + 4
                state = .content
            case .content:
                if let at = find(delimiter, from: start) {
                    emit(start, at)
                    onPartEnd()
                    start = at + delimiter.count
                    state = .afterBoundary
                } else {
                    // The tail may be the beginning of a delimiter: keep it for the next piece.
                    let safe = held.count - (delimiter.count - 1)
                    if safe > start {
                        emit(start, safe)
                        start = safe
                    }
                    break reading
                }
            case .epilogue:
                start = held.count
                break reading
            }
        }
    }

    private func emit(_ from: Int, _ to: Int) {
        guard to > from else { return }
        held.withUnsafeBytes { bytes in onContent(UnsafeRawBufferPointer(rebasing: bytes[from..<to])) }
    }

    /// Where `needle` first occurs in `held` at or after `from`.
    private func find(_ needle: [UInt8], from: Int) -> Int? {
        held.withUnsafeBytes { haystack -> Int? in
            needle.withUnsafeBytes { wanted -> Int? in
                guard let base = haystack.baseAddress, let first = wanted.first, let wantedBase = wanted.baseAddress else { return nil }
                var at = from
                while haystack.count - at >= wanted.count {
                    guard let hit = memchr(base + at, Int32(first), haystack.count - at - wanted.count + 1) else { return nil }
                    let offset = base.distance(to: UnsafeRawPointer(hit))
                    if memcmp(base + offset, wantedBase, wanted.count) == 0 { return offset }
                    at = offset + 1
                }
                return nil
            }
        }
    }
}
