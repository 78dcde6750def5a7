import Foundation
import XCTest

@testable import SohoaCatalog

/// Users, sessions and items' access levels as the server and `sohoa users` use them.
final class UsersSessionsTests: XCTestCase {
    let t0 = Date(timeIntervalSince1970: 1_750_000_000)
    let hash = "$2b$04$abcdefghijklmnopqrstuuH0ZC4V1u2f6xCmjpK0k0j1m2n3o4p5q"

    func testAddFindAndListUsers() throws {
        try TestCatalog.onEachEmptyBackend(self) { catalog, backend in
            let added = try catalog.addUser(
                name: "lan", displayName: "Nguye\u{0302}\u{0303}n Thị Lan", role: .archivist, passwordHash: hash, at: t0)
            XCTAssertNotNil(added.id)
            XCTAssertEqual(added.role, .archivist)
            XCTAssertEqual(added.displayName, "Nguyễn Thị Lan", "display names are stored in NFC")
            XCTAssertFalse(added.disabled)
            XCTAssertEqual(added.createdAt, t0)
            try catalog.addUser(name: "an", displayName: nil, role: .manager, passwordHash: hash)

            XCTAssertEqual(try catalog.user(name: "LAN")?.id, added.id, "names are compared without regard to case")
            XCTAssertEqual(try catalog.user(id: try XCTUnwrap(added.id))?.name, "lan")
            XCTAssertNil(try catalog.user(name: "nobody"))
            XCTAssertEqual(try catalog.users().map(\.name), ["an", "lan"])
        }
    }

    func testDuplicateAndBadNamesAreRefused() throws {
        try TestCatalog.onEachEmptyBackend(self) { catalog, backend in
            try catalog.addUser(name: "lan", displayName: nil, role: .scanner, passwordHash: hash)
            XCTAssertThrowsError(try catalog.addUser(name: "Lan", displayName: nil, role: .admin, passwordHash: hash)) {
                XCTAssertEqual(($0 as? CatalogError)?.kind, .constraintViolated)
                XCTAssertTrue("\($0)".contains("already exists"), "\($0)")
            }
            for bad in ["", "two words", "a/b", "x:y"] {
                XCTAssertThrowsError(try catalog.addUser(name: bad, displayName: nil, role: .admin, passwordHash: hash), bad) {
                    XCTAssertEqual(($0 as? CatalogError)?.kind, .constraintViolated)
                }
            }
        }
    }

    func testFailedSignInsCountAndResetOnSuccess() throws {
        try TestCatalog.onEachEmptyBackend(self) { catalog, backend in
            let id = try XCTUnwrap(try catalog.addUser(name: "lan", displayName: nil, role: .scanner, passwordHash: hash).id)
            XCTAssertEqual(try catalog.recordFailedSignIn(userID: id, at: t0), 1)
            XCTAssertEqual(try catalog.recordFailedSignIn(userID: id, at: t0 + 5), 2)
            var user = try XCTUnwrap(catalog.user(id: id))
            XCTAssertEqual(user.failedSignIns, 2)
            XCTAssertEqual(user.lastFailedSignInAt, t0 + 5)
            try catalog.recordSuccessfulSignIn(userID: id)
            user = try XCTUnwrap(catalog.user(id: id))
            XCTAssertEqual(user.failedSignIns, 0)
            XCTAssertNil(user.lastFailedSignInAt)
        }
    }

    func testSessionsAreFoundUntilTheyExpire() throws {
        try TestCatalog.onEachEmptyBackend(self) { catalog, backend in
            let id = try XCTUnwrap(try catalog.addUser(name: "lan", displayName: nil, role: .scanner, passwordHash: hash).id)
            let session = SessionRecord(
                tokenHash: TestCatalog.sha("1"), userID: id, csrfToken: "csrf-1", createdAt: t0, expiresAt: t0 + 3600)
            try catalog.createSession(session)

            let found = try XCTUnwrap(catalog.validSession(tokenHash: TestCatalog.sha("1"), at: t0 + 60))
            XCTAssertEqual(found.session, session)
            XCTAssertEqual(found.user.name, "lan")
            XCTAssertNil(try catalog.validSession(tokenHash: TestCatalog.sha("1"), at: t0 + 3600), "expired")
            XCTAssertNil(try catalog.validSession(tokenHash: TestCatalog.sha("2"), at: t0 + 60), "unknown token")

            XCTAssertEqual(try catalog.purgeExpiredSessions(at: t0 + 60), 0)
            XCTAssertEqual(try catalog.purgeExpiredSessions(at: t0 + 7200), 1)
            XCTAssertNil(try catalog.validSession(tokenHash: TestCatalog.sha("1"), at: t0))
        }
    }

    func testDeleteSessionAndDisabledUsersLoseTheirSessions() throws {
        try TestCatalog.onEachEmptyBackend(self) { catalog, backend in
            let id = try XCTUnwrap(try catalog.addUser(name: "lan", displayName: nil, role: .scanner, passwordHash: hash).id)
            let now = Date()
            for seed in ["1", "2", "3"] as [Character] {
                try catalog.createSession(
                    SessionRecord(tokenHash: TestCatalog.sha(seed), userID: id, csrfToken: "c", createdAt: now, expiresAt: now + 3600))
            }
            try catalog.deleteSession(tokenHash: TestCatalog.sha("1"))
            XCTAssertNil(try catalog.validSession(tokenHash: TestCatalog.sha("1")))
            XCTAssertNotNil(try catalog.validSession(tokenHash: TestCatalog.sha("2")))

            try catalog.setUserDisabled(name: "lan", true)
            XCTAssertTrue(try XCTUnwrap(catalog.user(name: "lan")).disabled)
            XCTAssertNil(try catalog.validSession(tokenHash: TestCatalog.sha("2")))
            try catalog.setUserDisabled(name: "lan", false)
            XCTAssertNil(try catalog.validSession(tokenHash: TestCatalog.sha("3")), "disabling ended the sessions for good")

            XCTAssertThrowsError(try catalog.setUserDisabled(name: "ghost", true)) {
                XCTAssertEqual(($0 as? CatalogError)?.kind, .notFound)
            }
        }
    }

    func testNewPasswordEndsSessionsAndClearsFailures() throws {
        try TestCatalog.onEachEmptyBackend(self) { catalog, backend in
            let id = try XCTUnwrap(try catalog.addUser(name: "lan", displayName: nil, role: .scanner, passwordHash: hash).id)
            try catalog.recordFailedSignIn(userID: id)
            let now = Date()
            try catalog.createSession(
                SessionRecord(tokenHash: TestCatalog.sha("1"), userID: id, csrfToken: "c", createdAt: now, expiresAt: now + 3600))
            try catalog.setPasswordHash(name: "lan", "$2b$04$newhash")
            let user = try XCTUnwrap(catalog.user(name: "lan"))
            XCTAssertEqual(user.passwordHash, "$2b$04$newhash")
            XCTAssertEqual(user.failedSignIns, 0)
            XCTAssertNil(try catalog.validSession(tokenHash: TestCatalog.sha("1")))
            XCTAssertThrowsError(try catalog.setPasswordHash(name: "ghost", "x")) {
                XCTAssertEqual(($0 as? CatalogError)?.kind, .notFound)
            }
        }
    }

    func testItemAccessLevelDefaultsToPublicAndSurvivesUpserts() throws {
        let test = try TestCatalog(self)
        let item = try test.addItem("so-1", title: "Sổ 1")
        XCTAssertEqual(try test.catalog.access(itemID: "so-1"), .public)
        try test.catalog.setAccess(itemID: "so-1", .restricted)
        XCTAssertEqual(try test.catalog.access(itemID: "so-1"), .restricted)
        try test.catalog.upsertItem(item)
        XCTAssertEqual(try test.catalog.access(itemID: "so-1"), .restricted, "re-storing an item keeps its access level")
        try test.catalog.setAccess(itemID: "so-1", .closed)
        XCTAssertEqual(try test.catalog.access(itemID: "so-1"), .closed)

        XCTAssertNil(try test.catalog.access(itemID: "none"))
        XCTAssertThrowsError(try test.catalog.setAccess(itemID: "none", .public)) {
            XCTAssertEqual(($0 as? CatalogError)?.kind, .notFound)
        }
    }
}
