import Foundation
import GRDB
import SohoaTesting
import XCTest

@testable import SohoaCatalog

/// The network's libraries (migration `v-libraries`, issue 15): an existing catalog lists the codes
/// its items and holdings use and keeps working; libraries are added and renamed with their errors;
/// users belong to a library; each user's scope, and the review queue narrowed to it.
final class LibrariesTests: XCTestCase {
    let hash = "$2b$04$abcdefghijklmnopqrstuuH0ZC4V1u2f6xCmjpK0k0j1m2n3o4p5q"

    func testAnExistingCatalogListsItsLibrariesAndKeepsWorking() throws {
        let folder = try temporaryFolder("sohoa-catalog-tests", removedAfter: self)
        let file = folder.appendingPathComponent(Catalog.fileName)
        // A catalog as the release before made it: items of LCH and DBN, a holding of MTE, a user.
        let queue = try DatabaseQueue(path: file.path)
        try CatalogSchema.migrator.migrate(queue, upTo: "v-serials")
        try queue.write { db in
            for (id, library) in [("sach", "LCH"), ("bao", "DBN"), ("so", "LCH")] {
                try db.execute(
                    sql: """
                        INSERT INTO items (id, libraryCode, objectID, title, sourcePath, createdAt, updatedAt)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [id, library, "urn:sohoa:\(library):\(id)", id, "/b/\(id)", Date(), Date()])
            }
            try db.execute(
                sql: """
                    INSERT INTO holdings (id, title, libraryCode, collectionType, source, importedAt, updatedAt)
                    VALUES ('h1', 'Địa chí Mường Tè', 'MTE', 'local-history', 'test', ?, ?)
                    """, arguments: [Date(), Date()])
            try db.execute(
                sql: """
                    INSERT INTO users (name, role, passwordHash, createdAt, updatedAt)
                    VALUES ('lan', 'archivist', ?, ?, ?)
                    """, arguments: [hash, Date(), Date()])
        }
        try queue.close()

        let catalog = try Catalog(url: file)
        let libraries = try catalog.libraries()
        XCTAssertEqual(libraries.map(\.code), ["DBN", "LCH", "MTE"])
        XCTAssertEqual(libraries.map(\.name), ["DBN", "LCH", "MTE"], "named by their code until renamed")
        XCTAssertNil(try catalog.provincialLibrary())
        // Items and holdings keep working; the existing user keeps every library.
        XCTAssertEqual(try catalog.item(id: "bao")?.objectID, "urn:sohoa:DBN:bao")
        XCTAssertEqual(try catalog.holding(id: "h1")?.libraryCode, "MTE")
        let lan = try XCTUnwrap(try catalog.user(name: "lan"))
        XCTAssertNil(lan.libraryCode)
        XCTAssertEqual(try catalog.accessScope(of: lan), .everything)
        // A code that arrives later, with an item or a holding, is listed too.
        try catalog.upsertItem(ItemRecord(id: "moi", libraryCode: "TUY", sourcePath: "/b/moi"))
        _ = try catalog.importHoldings([
            HoldingRecord(id: "h2", title: "Sách", libraryCode: "TDG", collectionType: .rareBook, specialValue: false, source: "test")
        ])
        XCTAssertEqual(try catalog.libraries().map(\.code), ["DBN", "LCH", "MTE", "TDG", "TUY"])
        // Renaming keeps the items and holdings of the library.
        try catalog.renameLibrary(code: "dbn", name: "Thư viện thị xã Mường Lay")
        XCTAssertEqual(try catalog.library(code: "DBN")?.name, "Thư viện thị xã Mường Lay")
        XCTAssertEqual(try catalog.item(id: "bao")?.libraryCode, "DBN")
    }

    func testAddRenameAndTheirErrors() throws {
        try TestCatalog.onEachEmptyBackend(self) { catalog, backend in
            let added = try catalog.addLibrary(code: " tuy ", name: "Thư viện huye\u{0302}\u{0323}n Than Uyên", district: "Than Uyên")
            XCTAssertEqual(added.code, "TUY")
            XCTAssertEqual(added.name, "Thư viện huyện Than Uyên", "names are stored in NFC")
            XCTAssertEqual(added.district, "Than Uyên")
            XCTAssertFalse(added.provincial)

            func refused(_ kind: CatalogError.Kind, _ text: String, _ body: () throws -> Void) {
                XCTAssertThrowsError(try body()) { error in
                    XCTAssertEqual((error as? CatalogError)?.kind, kind, "\(error)")
                    XCTAssertTrue((error as? CatalogError)?.message.contains(text) ?? false, "\(error)")
                }
            }
            refused(.constraintViolated, "listed already") { try catalog.addLibrary(code: "TUY", name: "Khác") }
            for bad in ["", "T/Y", "T:Y", "TÂY", "A B", String(repeating: "A", count: 33)] {
                refused(.constraintViolated, "not a library code") { try catalog.addLibrary(code: bad, name: "Tên") }
            }
            refused(.constraintViolated, "needs a name") { try catalog.addLibrary(code: "MTE", name: "  ") }
            refused(.notFound, "no library 'MTE'") { try catalog.renameLibrary(code: "MTE", name: "Thư viện huyện Mường Tè") }
            refused(.constraintViolated, "needs a name") { try catalog.renameLibrary(code: "TUY", name: "") }

            try catalog.addLibrary(code: "LCH", name: "Thư viện tỉnh Lai Châu", provincial: true)
            refused(.constraintViolated, "provincial library already") {
                try catalog.addLibrary(code: "TDG", name: "Thư viện huyện Tam Đường", provincial: true)
            }
            XCTAssertNil(try catalog.library(code: "TDG"), "a refused library is not added")
            refused(.constraintViolated, "provincial library already") {
                try catalog.renameLibrary(code: "TUY", name: "Thư viện huyện Than Uyên", provincial: true)
            }
            let renamed = try catalog.renameLibrary(code: "tuy", name: "TV Than Uyên")
            XCTAssertEqual(renamed.name, "TV Than Uyên")
            XCTAssertEqual(renamed.district, "Than Uyên", "a rename without a district keeps it")
            XCTAssertEqual(try catalog.libraries().map(\.code), ["LCH", "TUY"], "the provincial library first (\(backend))")
            let moved = try catalog.renameLibrary(code: "TUY", name: "TV Than Uyên", district: "Tân Uyên", provincial: false)
            XCTAssertEqual(moved.district, "Tân Uyên", backend.rawValue)
            XCTAssertEqual(
                try catalog.renameLibrary(code: "LCH", name: "Thư viện tỉnh", provincial: true).provincial, true, backend.rawValue)
        }
    }

    func testUsersBelongToALibraryAndGetItsScope() throws {
        let catalog = try TestCatalog(self).catalog
        try catalog.addLibrary(code: "LCH", name: "Thư viện tỉnh", provincial: true)
        try catalog.addLibrary(code: "TUY", name: "Thư viện huyện Than Uyên")
        XCTAssertThrowsError(try catalog.addUser(name: "an", displayName: nil, role: .scanner, libraryCode: "MTE", passwordHash: hash)) {
            XCTAssertEqual(($0 as? CatalogError)?.kind, .notFound)
            XCTAssertTrue(($0 as? CatalogError)?.message.contains("MTE") ?? false)
        }
        XCTAssertNil(try catalog.user(name: "an"))

        func scope(_ role: UserRole, _ library: String?) throws -> AccessScope {
            let name = "\(role.rawValue)-\(library ?? "all")"
            let user = try catalog.addUser(name: name, displayName: nil, role: role, libraryCode: library, passwordHash: hash)
            XCTAssertEqual(user.libraryCode, library?.uppercased())
            return try catalog.accessScope(of: user)
        }
        XCTAssertEqual(try scope(.scanner, "tuy"), .library("TUY"))
        XCTAssertEqual(try scope(.archivist, "TUY"), .library("TUY"))
        XCTAssertEqual(try scope(.archivist, "LCH"), .library("LCH"), "the provincial library's archivists review its items")
        XCTAssertEqual(try scope(.manager, "LCH"), .everything, "the provincial library's managers see everything")
        XCTAssertEqual(try scope(.manager, "TUY"), .library("TUY"))
        XCTAssertEqual(try scope(.admin, "TUY"), .everything)
        XCTAssertEqual(try scope(.archivist, nil), .everything)

        // Moving a user ends their sessions, so the new scope applies at once.
        let mover = try XCTUnwrap(try catalog.user(name: "archivist-TUY"))
        let session = SessionRecord(
            tokenHash: String(repeating: "b", count: 64), userID: try XCTUnwrap(mover.id), csrfToken: "c", createdAt: Date(),
            expiresAt: Date().addingTimeInterval(3600))
        try catalog.createSession(session)
        XCTAssertEqual(try catalog.validSession(tokenHash: session.tokenHash)?.scope, .library("TUY"))
        try catalog.setUserLibrary(name: "archivist-TUY", "LCH")
        XCTAssertNil(try catalog.validSession(tokenHash: session.tokenHash))
        XCTAssertEqual(try catalog.user(name: "archivist-TUY")?.libraryCode, "LCH")
        XCTAssertThrowsError(try catalog.setUserLibrary(name: "archivist-TUY", "MTE"))
    }

    func testTheReviewQueueStaysInTheScope() throws {
        let test = try TestCatalog(self)
        let catalog = test.catalog
        for (id, library) in [("sach", "LCH"), ("bao", "TUY")] {
            try catalog.upsertItem(ItemRecord(id: id, libraryCode: library, title: id, sourcePath: "/b/\(id)"))
            var page = try test.addPage(id, "1", sequence: 1)
            page.meanConfidence = 50
            try catalog.upsertPage(page)
            try catalog.markItemPackaged(id: id, version: "v1", objectPath: "x/\(id)")
        }
        let all = try catalog.reviewQueue(section: .text)
        XCTAssertEqual(Set(all.map(\.itemID)), ["sach", "bao"])
        let tuy = ReviewQueueFilter(scope: .library("TUY"))
        XCTAssertEqual(try catalog.reviewQueue(section: .text, filter: tuy).map(\.itemID), ["bao"])
        XCTAssertEqual(try catalog.reviewQueueCounts(filter: tuy).text, 1)
        XCTAssertEqual(try catalog.reviewLibraries(scope: .library("TUY")), ["TUY"])
        // Asking for another library inside the scope finds nothing.
        XCTAssertEqual(try catalog.reviewQueue(section: .text, filter: ReviewQueueFilter(library: "LCH", scope: .library("TUY"))), [])
        let sachPage = try XCTUnwrap(try catalog.page(itemID: "sach", name: "1")?.id)
        XCTAssertNil(try catalog.reviewEntry(pageID: sachPage, scope: .library("TUY")))
        XCTAssertNotNil(try catalog.reviewEntry(pageID: sachPage, scope: .library("LCH")))
        XCTAssertNotNil(try catalog.reviewEntry(pageID: sachPage))

        // `sohoa status --library`: counts, failures and pages to scan again of the library's items only.
        try catalog.write { tx throws(CatalogError) in try tx.setReviewState(pageID: sachPage, .rescan, rescanReason: "mờ") }
        _ = try catalog.recordFailure(batchID: nil, itemID: "sach", file: "/b/sach/2.tif", stage: .ingest, reason: "hỏng")
        try test.onEachBackend(self) { catalog, backend in
            let whole = try catalog.status()
            XCTAssertEqual(whole.itemCount, 2, backend.rawValue)
            XCTAssertEqual(whole.rescanRequests.map(\.itemID), ["sach"], backend.rawValue)
            XCTAssertEqual(whole.rescanRequests.map(\.reason), ["mờ"], backend.rawValue)
            XCTAssertEqual(whole.failureCount, 1, backend.rawValue)
            let tuyStatus = try catalog.status(scope: .library("TUY"))
            XCTAssertEqual(tuyStatus.itemCount, 1, backend.rawValue)
            XCTAssertEqual(tuyStatus.pageCount, 1, backend.rawValue)
            XCTAssertEqual(tuyStatus.rescanRequests, [], backend.rawValue)
            XCTAssertEqual(tuyStatus.failureCount, 0, backend.rawValue)
            XCTAssertEqual(tuyStatus.recentFailures, [], backend.rawValue)
            XCTAssertEqual(try catalog.status(scope: .library("LCH")).rescanRequests.map(\.itemID), ["sach"], backend.rawValue)
        }
    }
}
