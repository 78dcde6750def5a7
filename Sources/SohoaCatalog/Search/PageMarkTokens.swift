/// A page's exact-form tokens (`MarkedWords.column`) as PostgreSQL indexes them: the table
/// `page_marks` (migration `v-search-marks-tokens`, PostgreSQL only), one `tsvector` per page of one
/// lexeme per word, `m` and the token's scalar in hex (PostgreSQL's text parser drops private-use
/// characters). SQLite's FTS5 index holds the same tokens in its `marks` column; the PostgreSQL search
/// (`TSVectorSearch`) reads this table where FTS5 reads that column: the pages where an exact form is
/// written, over the whole index, two exact forms sharing a token included.
public enum PageMarkTokens {
    /// Writes (or replaces) a page's row: ?1 the page id, ?2 `lexemes(text)`.
    public static let upsertSQL = """
        INSERT INTO page_marks (pageID, marks) VALUES (?, to_tsvector('simple', ?))
        ON CONFLICT (pageID) DO UPDATE SET marks = excluded.marks
        """

    /// The lexemes of `text`'s words' tokens, in order, one space apart (NFC text, as stored).
    public static func lexemes(_ text: String) -> String {
        MarkedWords.column(text).unicodeScalars.filter { $0 != " " }.map(lexeme).joined(separator: " ")
    }

    /// One token as a lexeme.
    static func lexeme(_ token: Unicode.Scalar) -> String {
        "m" + String(token.value, radix: 16)
    }

    /// The `tsquery` of a term's exact-form tokens (one word's, or a phrase's in order).
    static func tsquery(_ tokens: [Unicode.Scalar]) -> String {
        tokens.map { "'" + lexeme($0) + "'" }.joined(separator: " <-> ")
    }
}
