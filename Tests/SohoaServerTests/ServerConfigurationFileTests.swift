import Foundation
import SohoaCollection
import SohoaSharing
import XCTest

@testable import SohoaServer

final class ServerConfigurationFileTests: XCTestCase {
    private func options(_ yaml: String?) throws -> ServerOptions {
        let folder = try temporaryArchive(self)
        if let yaml { try Data(yaml.utf8).write(to: folder.appendingPathComponent("server.yaml")) }
        var options = ServerOptions(archive: folder)
        try ServerConfigurationFile.apply(to: &options)
        return options
    }

    private func message(_ yaml: String) -> String {
        do {
            _ = try options(yaml)
            return ""
        } catch {
            return "\(error)"
        }
    }

    func testMissingFileMeansDefaults() throws {
        XCTAssertEqual(try options(nil).sharing, SharingConfiguration())
        XCTAssertEqual(try options("").sharing, SharingConfiguration())
    }

    func testRightsDefaultsAreReadMostSpecificFirstAndABadURIIsNamed() throws {
        let rights = try options(
            """
            rights:
              default: http://rightsstatements.org/vocab/CNE/1.0/
              libraries: {lch: https://rightsstatements.org/vocab/NoC-NC/1.0}
              collections: {manuscript: http://creativecommons.org/publicdomain/mark/1.0/}
            """
        ).rights
        XCTAssertEqual(rights.statement(library: "DBN", collection: nil)?.uri, "http://rightsstatements.org/vocab/CNE/1.0/")
        XCTAssertEqual(rights.statement(library: "LCH", collection: "newspaper")?.uri, "http://rightsstatements.org/vocab/NoC-NC/1.0/")
        XCTAssertEqual(rights.statement(library: "LCH", collection: "manuscript")?.vietnamese, "Phạm vi công cộng (Public Domain Mark)")
        XCTAssertEqual(try options(nil).rights, RightsDefaults())
        let bad = message("rights:\n  libraries: {LCH: http://example.org/free}\n")
        XCTAssertTrue(bad.contains("rights.libraries.LCH") && bad.contains("not a rights statement"), bad)
        XCTAssertTrue(message("rights:\n  defaults: x\n").contains("unknown key 'rights.defaults'"))
    }

    func testSharingSectionIsRead() throws {
        let sharing = try options(
            """
            sharing:
              repository-name: "Thư viện số tỉnh Lai Châu"
              admin-email: thuvien@laichau.gov.vn
              repository-identifier: thuvien.laichau.gov.vn
              restricted: metadata
              page-size: 25
            """
        ).sharing
        XCTAssertEqual(
            sharing,
            SharingConfiguration(
                repositoryName: "Thư viện số tỉnh Lai Châu", adminEmail: "thuvien@laichau.gov.vn",
                repositoryIdentifier: "thuvien.laichau.gov.vn", restricted: .metadata, pageSize: 25))
    }

    func testErrorsNameTheKeyAndTheFile() {
        let unknown = message("sharing:\n  restricted: hidden\n  repository-url: x\n")
        XCTAssertTrue(unknown.contains("sharing.repository-url") && unknown.contains("server.yaml"), unknown)
        XCTAssertTrue(message("shares:\n  restricted: hidden\n").contains("unknown key 'shares'"))
        XCTAssertTrue(message("sharing:\n  restricted: everything\n").contains("sharing.restricted"))
        XCTAssertTrue(message("sharing:\n  admin-email: nobody\n").contains("sharing.admin-email"))
        XCTAssertTrue(message("sharing:\n  repository-identifier: thư viện\n").contains("sharing.repository-identifier"))
        XCTAssertTrue(message("sharing:\n  page-size: 0\n").contains("sharing.page-size"))
        XCTAssertTrue(message("sharing: [1, 2]\n").contains("'sharing' must be a mapping"))
        XCTAssertTrue(message("sharing: {\n").contains("not valid YAML"))
    }

    func testIIIFLimitsAndRendersAreRead() throws {
        let iiif = try options(
            """
            sharing:
              iiif:
                max-width: 6000
                max-height: 8000
                max-area: 30000000
                renders: 3
                waiting: 10
            """
        ).sharing.iiif
        XCTAssertEqual(
            iiif,
            IIIFSettings(
                limits: IIIFLimits(maxWidth: 6000, maxHeight: 8000, maxArea: 30_000_000), concurrentRenders: 3, waitingRenders: 10))
        XCTAssertEqual(try options("sharing:\n  iiif:\n    max-area: 1000000\n").sharing.iiif.limits.maxWidth, 10_000)
        let unknown = message("sharing:\n  iiif:\n    max-size: 5\n")
        XCTAssertTrue(unknown.contains("sharing.iiif.max-size") && unknown.contains("server.yaml"), unknown)
        XCTAssertTrue(message("sharing:\n  iiif:\n    max-width: 100\n").contains("sharing.iiif.max-width"))
        XCTAssertTrue(message("sharing:\n  iiif:\n    max-area: 99999999999999999999\n").contains("sharing.iiif.max-area"))
        XCTAssertTrue(message("sharing:\n  iiif:\n    renders: 0\n").contains("sharing.iiif.renders"))
        XCTAssertTrue(message("sharing:\n  iiif: 5\n").contains("'sharing.iiif' must be a mapping"))
    }
}
