import XCTest

@testable import SohoaPostgres

/// The catalog's `?` placeholders numbered for PostgreSQL, never inside literals, names or comments.
final class PostgresCatalogStatementsTests: XCTestCase {
    func testPlaceholdersAreNumberedOutsideLiteralsNamesAndComments() {
        XCTAssertEqual(
            PostgresCatalogStatements.numberingPlaceholders("SELECT * FROM t WHERE a = ? AND b IN (?, ?) LIMIT ?"),
            "SELECT * FROM t WHERE a = $1 AND b IN ($2, $3) LIMIT $4")
        XCTAssertEqual(
            PostgresCatalogStatements.numberingPlaceholders("SELECT 'why?', 'it''s ?', \"odd?\" FROM t WHERE a = ?"),
            "SELECT 'why?', 'it''s ?', \"odd?\" FROM t WHERE a = $1")
        XCTAssertEqual(
            PostgresCatalogStatements.numberingPlaceholders("SELECT 1 -- what?\nWHERE a = ?"), "SELECT 1 -- what?\nWHERE a = $1")
        XCTAssertEqual(PostgresCatalogStatements.numberingPlaceholders("SELECT 1"), "SELECT 1")
    }
}
