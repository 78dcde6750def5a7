import Foundation
import XCTest

@testable import SohoaCatalog

/// Whatever a user types, search never fails with an FTS5 (or PostgreSQL) syntax error and returns
/// sensible results; on SQLite and on PostgreSQL (`onEachEmptyTestBackend`).
final class HostileQueryTests: XCTestCase {
    func testFTSSyntaxIsNeverSyntax() throws {
        try TestCatalog.onEachEmptyTestBackend(self) { test, backend in
            try test.addText("sach", "Thư viện tỉnh Lai Châu: Đại học Tây Bắc, a:b NEAR cổng (AND OR NOT) - x*y")
            let queries = [
                "\"", "\"\"", "\"\"\"", "*", "**", "thu*", "*thu", "NEAR(", "NEAR(thu vien)", "NEAR", "-", "-thu",
                "thu -vien",
                "a:b", "folded:thu", "text:thu", "(", ")", "(thu", "thu)", "AND OR NOT", "AND", "OR", "NOT", "thu AND",
                "thu OR vien", "NOT thu", "", " ", "\n\t", "...", "!@#$%^&*()_+=[]{}|;'<>,.?/~`", "^thu", "thu^",
                "{thu vien}", "thu + vien", "'", "\\", "\u{0}", "\u{301}", "đ", "Đ", "🙂", "thư\"viện", "\"thu vien",
                "thu vien\"", "\"\"thu\"\"", String(repeating: "thu ", count: 200), String(repeating: "(", count: 1000),
            ]
            for query in queries {
                XCTAssertNoThrow(try test.catalog.search(query), "\(backend): query \(query.debugDescription) threw")
            }
        }
    }

    func testOperatorsAreJustWords() throws {
        try TestCatalog.onEachEmptyTestBackend(self) { test, backend in
            try test.addText("with-words", "Hội nghị bàn về near, and, or và not trong tiếng Anh.")
            try test.addText("without", "Thư viện tỉnh Lai Châu.")
            XCTAssertEqual(try test.catalog.search("AND OR NOT").map(\.itemID), ["with-words"], "\(backend)")
            XCTAssertEqual(try test.catalog.search("NEAR(").map(\.itemID), ["with-words"], "\(backend)")
            XCTAssertEqual(try test.catalog.search("thu OR hoi").map(\.itemID), [], "\(backend): OR is a word, not an operator")
            XCTAssertEqual(try test.catalog.search("NOT thu").map(\.itemID), [], "\(backend): NOT is a word, not an operator")
        }
    }

    func testPunctuationSeparatesWordsAsInTheText() throws {
        try TestCatalog.onEachEmptyTestBackend(self) { test, backend in
            try test.addText("sach", "Thư viện tỉnh Lai Châu: Đại học Tây Bắc, a:b cổng x*y")
            for query in ["a:b", "thu-vien", "-thu vien", "thu* vien", "(thu vien)", "x*y", "lai:chau", "\"thu\" \"vien\""] {
                XCTAssertEqual(try test.catalog.search(query).map(\.itemID), ["sach"], "\(backend): \(query)")
            }
        }
    }

    func testQueriesWithoutWordsFindNothing() throws {
        try TestCatalog.onEachEmptyTestBackend(self) { test, backend in
            try test.addText("sach", "Thư viện tỉnh Lai Châu")
            for query in ["", "   ", "\"", "*", "-", ":", "(", "()", "...", "\"\"", "\u{301}", "—"] {
                XCTAssertEqual(try test.catalog.search(query), [], "\(backend): \(query.debugDescription)")
            }
        }
    }

    /// No catalog: FTS5's match expressions, which only the SQLite search uses (PostgreSQL's is built
    /// from `SearchQuery`'s terms by `TSVectorSearch`).
    func testMatchExpressionsQuoteEverything() throws {
        XCTAssertEqual(SearchQuery("thu vien").matchExpression, #"folded : "thu" folded : "vien"*"#)
        // A word typed with marks is also looked for by its exact form in the `marks` column (issue 18),
        // the last one (a prefix) too; outside the quoted strings there is still nothing but FTS5's own
        // operators and the index's column names, written by sohoa.
        let marked = SearchQuery("ĐẠI HỌC").matchExpression ?? ""
        XCTAssertTrue(
            marked.hasPrefix(#"(folded : "dai" OR marks : ""#) && marked.contains(#"(folded : "hoc"* OR marks : ""#),
            marked)
        XCTAssertTrue(Self.bareWords(marked).isSubset(of: Self.operators), marked)
        let phrase = SearchQuery(#""Đại học" NEAR(a:b)"#).matchExpression ?? ""
        XCTAssertTrue(
            phrase.hasPrefix(#"(folded : "dai hoc" OR marks : ""#)
                && phrase.hasSuffix(#" AND folded : "near" AND folded : "a" AND folded : "b""#), phrase)
        XCTAssertTrue(Self.bareWords(phrase).isSubset(of: Self.operators), phrase)
        XCTAssertEqual(SearchQuery(#"thu "dai hoc""#).matchExpression, #"folded : "thu" folded : "dai hoc""#)
        XCTAssertEqual(SearchQuery(#""thu""#).matchExpression, #"folded : "thu""#)
        XCTAssertEqual(SearchQuery("AND OR NOT").matchExpression, #"folded : "and" folded : "or" folded : "not"*"#)
        XCTAssertNil(SearchQuery("*:-()\"").matchExpression)
        XCTAssertEqual(SearchQuery(String(repeating: "a ", count: 100)).terms.count, SearchQuery.maximumWords)
        for query in ["ĐẠI HỌC", "thu vien", #""Đại học" NEAR(a:b)"#, "\u{F0001} đường"] {
            let parsed = SearchQuery(query)
            let match = try XCTUnwrap(parsed.matchExpression, query)
            for expression in [match] + parsed.termExpressions {
                XCTAssertTrue(Self.bareWords(expression).isSubset(of: Self.operators), expression)
            }
        }
    }

    /// FTS5's operators and the index's columns, as sohoa writes them between quoted strings.
    private static let operators: Set<String> = ["(", ")", "OR", "AND", "folded", "marks", ":", "*"]

    /// What is left of a match expression outside its quoted strings, split at spaces and brackets.
    private static func bareWords(_ expression: String) -> Set<String> {
        let bare = expression.replacing(/"[^"]*"/, with: " ")
            .replacing("(", with: " ( ").replacing(")", with: " ) ").replacing("*", with: " * ")
        return Set(bare.split(separator: " ").map(String.init))
    }
}
