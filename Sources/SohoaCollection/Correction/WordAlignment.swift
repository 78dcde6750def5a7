/// How a line's corrected words line up with its recognized words: a longest common subsequence of
/// equal words, and between those anchors the runs of recognized words that were replaced (or
/// deleted) and corrected words that took their place (or were inserted).
struct WordAlignment: Equatable {
    /// One stretch of the line.
    enum Piece: Equatable {
        /// Recognized word `old` stays as corrected word `new`.
        case kept(old: Int, new: Int)
        /// Recognized words `old` give way to corrected words `new` (either range may be empty).
        case replaced(old: Range<Int>, new: Range<Int>)
    }

    var pieces: [Piece]

    /// Aligns `old` (recognized) with `new` (corrected) words.
    init(old: [String], new: [String]) {
        let n = old.count
        let m = new.count
        // lengths[i][j]: LCS length of old[i...] and new[j...].
        var lengths = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        if n > 0, m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    lengths[i][j] = old[i] == new[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
                }
            }
        }
        var pieces: [Piece] = []
        var i = 0
        var j = 0
        var oldStart = 0
        var newStart = 0
        func flush() {
            if oldStart < i || newStart < j { pieces.append(.replaced(old: oldStart..<i, new: newStart..<j)) }
        }
        while i < n, j < m {
            if old[i] == new[j], lengths[i][j] == lengths[i + 1][j + 1] + 1 {
                flush()
                pieces.append(.kept(old: i, new: j))
                i += 1
                j += 1
                oldStart = i
                newStart = j
            } else if lengths[i + 1][j] >= lengths[i][j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        i = n
        j = m
        flush()
        self.pieces = pieces
    }
}
