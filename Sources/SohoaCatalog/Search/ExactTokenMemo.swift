/// The exact-form tokens (`MarkedWords.token` of `MarkedWords.exactForm`) of the words one search has
/// already met, by each word's UTF-8 bytes: pages repeat their words, and making an exact form walks
/// the word character by character (on PostgreSQL's search of 20,000 pages, nearly half of a marked
/// query's time went there). A token depends on the word's bytes alone, so the answers are the same.
final class ExactTokenMemo {
    /// Words remembered at most (a hostile catalog of all-different words keeps memory bounded).
    static let capacity = 200_000

    private var tokens: [[UInt8]: Unicode.Scalar] = [:]

    /// The token of `word`.
    func token(of word: Substring) -> Unicode.Scalar {
        let key = Array(word.utf8)
        if let known = tokens[key] { return known }
        let token = MarkedWords.token(MarkedWords.exactForm(word))
        if tokens.count >= Self.capacity { tokens.removeAll(keepingCapacity: true) }
        tokens[key] = token
        return token
    }
}
