import Foundation
import SohoaArchive

/// Puts a reviewer's corrected lines into an ALTO document sohoa wrote, word by word: words the
/// reviewer left as they were keep their element unchanged (box, id, confidence); a word replaced by
/// one word keeps the box and id of the word it replaces; other changes share out the boxes of the
/// words they replace (or the gap they are inserted into) by word length. Changed words get `WC="1"`
/// (a person read them); a line corrected to nothing is removed. A `Processing` step records who and when.
enum ALTOWordRevision {
    struct Failure: Error, CustomStringConvertible {
        var reason: String
        var description: String { "the page's ALTO cannot take the correction: \(reason)" }
    }

    /// A word of a line being rebuilt: its element line as written, or the pieces of a new one.
    private struct Placed {
        var box: ALTOPage.Box
        /// The original element line, for a word kept as it was.
        var original: String?
        var id: String
        var content: String
    }

    /// `alto` with the lines named in `corrections` (TextLine ID → corrected words, NFC) rewritten.
    static func revise(
        _ alto: String, corrections: [String: [String]], by person: String, at date: Date, software: String
    ) throws(Failure) -> String {
        var lines = alto.components(separatedBy: "\n")
        let step = ALTOMarkup.nextCorrectionStep(in: lines)
        var usedIDs = Set(alto.matches(of: #/ ID="([^"]*)"/#).map { String($0.output.1) })
        var output: [String] = []
        var seen: Set<String> = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("<TextLine ") else {
                output.append(line)
                index += 1
                continue
            }
            guard let end = lines[index...].firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "</TextLine>" }) else {
                throw Failure(reason: "a TextLine is not closed on a line of its own (not written by sohoa?)")
            }
            let attributes = ALTOAttributes.parse(trimmed)
            guard let id = attributes["ID"], let words = corrections[id] else {
                output += lines[index...end]
                index = end + 1
                continue
            }
            seen.insert(id)
            guard let lineBox = box(attributes) else { throw Failure(reason: "TextLine \(id) has no box") }
            if !words.isEmpty {
                output += try rebuild(
                    start: line, body: Array(lines[(index + 1)..<end]), lineID: id, lineBox: lineBox, words: words, step: step,
                    usedIDs: &usedIDs)
            }
            index = end + 1
        }
        if let missing = Set(corrections.keys).subtracting(seen).sorted().first {
            throw Failure(reason: "the page has no line \(missing)")
        }
        lines = output
        guard
            ALTOMarkup.addCorrectionStep(
                to: &lines, number: step, by: person, at: date, software: software,
                description: "words corrected by hand in review; words left as they were keep their recognized boxes")
        else { throw Failure(reason: "it has no Description") }
        return lines.joined(separator: "\n")
    }

    /// The element lines of a TextLine whose words become `words`.
    private static func rebuild(
        start: String, body: [String], lineID: String, lineBox: ALTOPage.Box, words: [String], step: Int,
        usedIDs: inout Set<String>
    ) throws(Failure) -> [String] {
        let indent = String(start.prefix { $0 == " " })
        var old: [Placed] = []
        for element in body where element.trimmingCharacters(in: .whitespaces).hasPrefix("<String ") {
            let attributes = ALTOAttributes.parse(element)
            guard let box = box(attributes) else { throw Failure(reason: "a String in \(lineID) has no box") }
            let content = (attributes["CONTENT"] ?? "").precomposedStringWithCanonicalMapping
            old.append(Placed(box: box, original: element, id: attributes["ID"] ?? "", content: content))
        }
        var placed: [Placed] = []
        var newNumber = 0
        func freshID() -> String {
            var candidate: String
            repeat {
                newNumber += 1
                candidate = "\(lineID)_c\(step)_\(newNumber)"
            } while usedIDs.contains(candidate)
            usedIDs.insert(candidate)
            return candidate
        }
        let alignment = WordAlignment(old: old.map(\.content), new: words)
        for (number, piece) in alignment.pieces.enumerated() {
            switch piece {
            case .kept(let o, _):
                placed.append(old[o])
            case .replaced(let o, let n) where !n.isEmpty:
                if o.count == n.count {
                    for (oldIndex, newIndex) in zip(o, n) {
                        placed.append(Placed(box: old[oldIndex].box, id: old[oldIndex].id, content: words[newIndex]))
                    }
                    continue
                }
                let span: ALTOPage.Box
                if !o.isEmpty {
                    let boxes = o.map { old[$0].box }
                    let left = boxes.map(\.x).min() ?? lineBox.x
                    let right = boxes.map(\.right).max() ?? lineBox.right
                    let top = boxes.map(\.y).min() ?? lineBox.y
                    let bottom = boxes.map { $0.y + $0.height }.max() ?? (lineBox.y + lineBox.height)
                    span = ALTOPage.Box(x: left, y: top, width: right - left, height: bottom - top)
                } else {
                    let left = placed.last?.box.right ?? lineBox.x
                    let right = nextOldX(after: number, in: alignment.pieces, old: old) ?? lineBox.right
                    span = ALTOPage.Box(x: left, y: lineBox.y, width: max(0, right - left), height: lineBox.height)
                }
                for (word, box) in zip(n.map { words[$0] }, share(span, among: n.map { words[$0] })) {
                    placed.append(Placed(box: box, id: freshID(), content: word))
                }
            case .replaced:
                continue
            }
        }
        var result = [start]
        var previous: ALTOPage.Box?
        for word in placed {
            if let previous {
                result.append(
                    word.box.x > previous.right
                        ? "\(indent)  <SP HPOS=\"\(previous.right)\" VPOS=\"\(lineBox.y)\" WIDTH=\"\(word.box.x - previous.right)\"/>"
                        : "\(indent)  <SP/>")
            }
            if let original = word.original {
                result.append(original)
            } else {
                result.append(
                    "\(indent)  <String ID=\"\(ALTOMarkup.escape(word.id))\" HPOS=\"\(word.box.x)\" VPOS=\"\(word.box.y)\" "
                        + "WIDTH=\"\(max(1, word.box.width))\" HEIGHT=\"\(max(1, word.box.height))\" "
                        + "CONTENT=\"\(ALTOMarkup.escape(word.content))\" WC=\"1\"/>")
            }
            previous = word.box
        }
        result.append("\(indent)</TextLine>")
        return result
    }

    /// The left edge of the first recognized word after piece `index`, if any.
    private static func nextOldX(after index: Int, in pieces: [WordAlignment.Piece], old: [Placed]) -> Int? {
        for piece in pieces[(index + 1)...] {
            switch piece {
            case .kept(let o, _): return old[o].box.x
            case .replaced(let o, _): if let first = o.first { return old[first].box.x }
            }
        }
        return nil
    }

    /// `span` shared out among `words` by length, one character's width between words.
    private static func share(_ span: ALTOPage.Box, among words: [String]) -> [ALTOPage.Box] {
        let units = Double(words.reduce(0) { $0 + $1.count } + words.count - 1)
        let width = Double(span.width)
        var boxes: [ALTOPage.Box] = []
        var position = 0.0
        for word in words {
            let start = span.x + Int((position * width / units).rounded())
            position += Double(word.count)
            let end = span.x + Int((position * width / units).rounded())
            position += 1
            boxes.append(ALTOPage.Box(x: start, y: span.y, width: max(1, end - start), height: span.height))
        }
        return boxes
    }

    private static func box(_ attributes: [String: String]) -> ALTOPage.Box? {
        guard let x = attributes["HPOS"].flatMap({ Int($0) }), let y = attributes["VPOS"].flatMap({ Int($0) }),
            let width = attributes["WIDTH"].flatMap({ Int($0) }), let height = attributes["HEIGHT"].flatMap({ Int($0) })
        else { return nil }
        return ALTOPage.Box(x: x, y: y, width: width, height: height)
    }
}
