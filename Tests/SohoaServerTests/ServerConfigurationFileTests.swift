import Foundation
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
}
