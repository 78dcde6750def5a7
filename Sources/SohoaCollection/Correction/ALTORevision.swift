import Foundation

/// Puts a corrected text into an ALTO document sohoa wrote: the corrected lines go, in order, onto the
/// recognized lines' boxes (each word's box is the line's box shared out by word length); a `Processing`
/// step records who corrected it and when.
///
/// Line `n` of the correction replaces the words of text line `n`; extra corrected lines join the last
/// line; recognized lines left without text are removed. Word confidences are `1` (a person read them).
enum ALTORevision {
    struct Failure: Error, CustomStringConvertible {
        var reason: String
        var description: String { "the page's ALTO cannot take the correction: \(reason)" }
    }

    static func revise(_ alto: String, text: String, by person: String, at date: Date, software: String) throws(Failure) -> String {
        let corrected = text.precomposedStringWithCanonicalMapping.split(whereSeparator: \.isNewline)
            .map { $0.split(whereSeparator: \.isWhitespace).map(String.init) }
            .filter { !$0.isEmpty }
        var lines = alto.components(separatedBy: "\n")
        var starts: [Int] = []
        for (index, line) in lines.enumerated() where line.trimmingCharacters(in: .whitespaces).hasPrefix("<TextLine ") {
            starts.append(index)
        }
        guard !starts.isEmpty || corrected.isEmpty else {
            throw Failure(reason: "the recognized page has no text lines to carry the corrected text")
        }
        var output: [String] = []
        var index = 0
        var lineNumber = 0
        while index < lines.count {
            let line = lines[index]
            guard line.trimmingCharacters(in: .whitespaces).hasPrefix("<TextLine ") else {
                output.append(line)
                index += 1
                continue
            }
            guard let end = lines[index...].firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "</TextLine>" }) else {
                throw Failure(reason: "a TextLine is not closed on a line of its own (not written by sohoa?)")
            }
            let words: [String]
            if lineNumber < corrected.count {
                words = lineNumber == starts.count - 1 ? corrected[lineNumber...].flatMap { $0 } : corrected[lineNumber]
            } else {
                words = []
            }
            lineNumber += 1
            if !words.isEmpty {
                output += try textLine(line, words: words)
            }
            index = end + 1
        }
        lines = output
        let step = ALTOMarkup.nextCorrectionStep(in: lines)
        guard
            ALTOMarkup.addCorrectionStep(
                to: &lines, number: step, by: person, at: date, software: software,
                description: "text corrected by hand; words placed on the recognized lines' boxes")
        else { throw Failure(reason: "it has no Description") }
        return lines.joined(separator: "\n")
    }

    /// The TextLine start tag `line` with `words` laid out across its box.
    private static func textLine(_ line: String, words: [String]) throws(Failure) -> [String] {
        var attributes: [String: String] = [:]
        for match in line.matches(of: /([A-Za-z_]+)="([^"]*)"/) { attributes[String(match.output.1)] = String(match.output.2) }
        guard let id = attributes["ID"], let x = attributes["HPOS"].flatMap(Double.init), let y = attributes["VPOS"].flatMap(Double.init),
            let width = attributes["WIDTH"].flatMap(Double.init), let height = attributes["HEIGHT"].flatMap(Double.init)
        else { throw Failure(reason: "a TextLine has no ID or box: \(line.trimmingCharacters(in: .whitespaces))") }
        let indent = String(line.prefix { $0 == " " })
        let units = Double(words.reduce(0) { $0 + $1.count } + words.count - 1)
        var result = [line]
        var position = 0.0
        var previousEnd: Int?
        for (number, word) in words.enumerated() {
            let start = Int((x + position * width / units).rounded())
            position += Double(word.count)
            let end = Int((x + position * width / units).rounded())
            position += 1
            if let previousEnd {
                result.append(
                    start > previousEnd
                        ? "\(indent)  <SP HPOS=\"\(previousEnd)\" VPOS=\"\(Int(y))\" WIDTH=\"\(start - previousEnd)\"/>"
                        : "\(indent)  <SP/>")
            }
            result.append(
                "\(indent)  <String ID=\"\(id)_w\(number + 1)\" HPOS=\"\(start)\" VPOS=\"\(Int(y))\" WIDTH=\"\(max(1, end - start))\" "
                    + "HEIGHT=\"\(Int(height))\" CONTENT=\"\(ALTOMarkup.escape(word))\" WC=\"1\"/>")
            previousEnd = end
        }
        result.append("\(indent)</TextLine>")
        return result
    }
}
