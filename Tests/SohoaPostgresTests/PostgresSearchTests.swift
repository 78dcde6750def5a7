import Foundation
import PostgresNIO
import SohoaCatalog
import SohoaPostgresTesting
import XCTest

@testable import SohoaPostgres

/// Search on PostgreSQL: `sohoa_fold` folds as `DiacriticFolding` does for SQLite, and the generated
/// `tsvector` finds pages with or without tone marks, with đ = d, by prefix and by phrase.
final class PostgresSearchTests: XCTestCase {
    /// Every Vietnamese vowel with every tone, both cases, and đ/Đ, plus legacy ð/Ð and punctuation.
    static let alphabet: String = {
        let tones = ["", "\u{300}", "\u{301}", "\u{309}", "\u{303}", "\u{323}"]
        var words: [String] = []
        for vowel in ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"] {
            for tone in tones {
                let letter = (vowel + tone).precomposedStringWithCanonicalMapping
                words.append("\(letter)\(letter.uppercased())")
            }
        }
        return words.joined(separator: " ") + " đĐ ðÐ — Thư-viện, «Lai Châu» 1998; ĐẠI HỌC"
    }()

    func testFoldsAsTheSQLiteIndexDoes() throws {
        let database = try PostgresTestDatabase(self)
        let postgres = try database.migrated()
        defer { postgres.close() }
        let samples = [
            Self.alphabet,
            "Thư viện tỉnh Lai Châu — ĐẠI HỌC",
            "Người Thái ở Mường Lay, năm 1998: \"Truyện cổ\" (trích)",
            "Nghị quyết số 12/NQ-HĐND ngày 05.03.2021",
        ]
        for text in samples {
            let rows = try postgres.query("SELECT sohoa_fold(\(text))")
            let folded = try XCTUnwrap(rows.first).decode(String.self)
            let swift = DiacriticFolding.fold(text).split { !($0.isLetter || $0.isNumber) }.joined(separator: " ")
            XCTAssertEqual(folded, swift, text)
        }
    }

    func testFindsPagesWithOrWithoutMarksByPrefixAndPhrase() throws {
        let database = try PostgresTestDatabase(self)
        let postgres = try database.migrated()
        defer { postgres.close() }
        let pages = try PostgresFixtures.addItem(postgres, "dia-chi", pages: 3)
        try PostgresFixtures.addText(postgres, pageID: pages[0], itemID: "dia-chi", "Đại hội Đảng bộ tỉnh Lai Châu lần thứ nhất")
        try PostgresFixtures.addText(postgres, pageID: pages[1], itemID: "dia-chi", "Châu Lai, không phải tên tỉnh; đai lưng")
        try PostgresFixtures.addText(postgres, pageID: pages[2], itemID: "dia-chi", "Mường Tè")

        func search(_ tsquery: String, _ words: String) throws -> [Int64] {
            try postgres.query(
                PostgresQuery(
                    unsafeSQL: "SELECT pageID FROM page_texts WHERE search @@ \(tsquery) ORDER BY pageID",
                    binds: {
                        var binds = PostgresBindings()
                        binds.append(words)
                        return binds
                    }())
            ).map { try $0.decode(Int64.self) }
        }
        let plain = "plainto_tsquery('simple', sohoa_fold($1))"
        XCTAssertEqual(try search(plain, "Đại hội"), [pages[0]])
        XCTAssertEqual(try search(plain, "dai hoi"), [pages[0]], "without marks, đ = d")
        XCTAssertEqual(try search(plain, "ĐAI"), [pages[0], pages[1]], "Đại and đai both fold to dai, as in SQLite")
        XCTAssertEqual(try search(plain, "lai chau"), [pages[0], pages[1]])
        XCTAssertEqual(try search("phraseto_tsquery('simple', sohoa_fold($1))", "Lai Châu"), [pages[0]], "a phrase keeps its order")
        XCTAssertEqual(try search("to_tsquery('simple', sohoa_fold($1) || ':*')", "Mườ"), [pages[2]], "the last word as a prefix")
        // Three rows are read fastest without an index; forbidding that shows the index can serve.
        try postgres.query("SET enable_seqscan = off")
        let indexed = try strings(
            postgres, "EXPLAIN SELECT pageID FROM page_texts WHERE search @@ plainto_tsquery('simple', 'lai')"
        ).joined(separator: "\n")
        XCTAssertTrue(indexed.contains("page_search"), "the GIN index serves the search:\n\(indexed)")
    }
}
