import Foundation
import SohoaTesting
import XCTest

@testable import SohoaArchive

final class ItemPackagerTests: XCTestCase {
    func testPackagesAnItemThatValidates() throws {
        let folder = try TemporaryFolder()
        let root = try OCFLStorageRoot.openOrCreate(at: folder.url.appendingPathComponent("archive"))
        let p = METSWriterTests.package()
        var sources: [String: URL] = [:]
        for ref in p.itemFiles + p.pages.flatMap(\.files) {
            sources[ref.logicalPath] = try folder.file("src/\(ref.logicalPath)", "nội dung của \(ref.logicalPath)")
        }
        let written = try ItemPackager().package(p, sourceFiles: sources, into: root, user: Fixtures.user)
        XCTAssertEqual(written.version, "v1")
        let state = try XCTUnwrap(root.headState(objectID: p.objectID))
        XCTAssertEqual(state.count, sources.count + 2)

        let mets = try XCTUnwrap(root.contentURL(objectID: p.objectID, logicalPath: "mets.xml"))
        let dc = try XCTUnwrap(root.contentURL(objectID: p.objectID, logicalPath: "dc.xml"))
        try SharedChecks.assertValidXML([mets])
        try SharedChecks.assertValidXML([dc])
        try SharedChecks.assertValidOCFLRoot(root.url, objects: 1)

        let again = try ItemPackager().package(p, sourceFiles: sources, into: root, user: Fixtures.user)
        XCTAssertTrue(again.unchanged, "packaging the same item again writes nothing")
    }

    func testRefusesAMissingSourceFile() throws {
        let folder = try TemporaryFolder()
        let root = try OCFLStorageRoot.openOrCreate(at: folder.url)
        XCTAssertThrowsError(try ItemPackager().package(METSWriterTests.package(), sourceFiles: [:], into: root, user: Fixtures.user)) {
            error in
            guard case .invalidLogicalPath? = error as? OCFLError else { return XCTFail("unexpected error \(error)") }
            XCTAssertTrue("\(error)".contains("no source file"))
        }
    }
}
