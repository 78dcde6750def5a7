import Foundation
import XCTest

@testable import SohoaServer

extension ServerConfigurationFileTests {
    func testSubmissionLimitsArePathsAndSizesWithUnits() throws {
        let folder = try temporaryArchive(self)
        try Data(
            """
            submissions:
              max-size: 2G
              user-quota: 500M
              total-quota: 1099511627776
              free-margin: 64K
              token-days: 30
              abandon-days: 3
              pipeline: Pipelines/huyen.yaml
              inbox: /srv/sohoa-inbox
            """.utf8
        ).write(to: folder.appendingPathComponent("server.yaml"))
        var options = ServerOptions(archive: folder)
        XCTAssertEqual(options.submissions, SubmissionSettings(), "defaults without the section")
        try ServerConfigurationFile.apply(to: &options)
        let settings = options.submissions
        XCTAssertEqual(settings.maximumSize, 2 << 30)
        XCTAssertEqual(settings.userQuota, 500 << 20)
        XCTAssertEqual(settings.totalQuota, 1 << 40)
        XCTAssertEqual(settings.freeMargin, 64 << 10)
        XCTAssertEqual(settings.tokenLifetime, 30 * 86_400)
        XCTAssertEqual(settings.abandonAfter, 3 * 86_400)
        XCTAssertEqual(SubmissionSettings().abandonAfter, 7 * 86_400, "a week by default")
        XCTAssertEqual(settings.pipeline?.path, folder.appendingPathComponent("Pipelines/huyen.yaml").path)
        XCTAssertEqual(settings.inboxFolder(archive: folder).path, "/srv/sohoa-inbox")
        XCTAssertEqual(
            SubmissionSettings().inboxFolder(archive: folder).path, folder.appendingPathComponent("extensions/sohoa-inbox").path)
    }

    func testSubmissionErrorsNameTheKey() throws {
        let folder = try temporaryArchive(self)
        for (yaml, words) in [
            ("submissions:\n  max-size: lots\n", "submissions.max-size"), ("submissions:\n  quota: 1G\n", "'submissions.quota'"),
            ("submissions:\n  token-days: 0\n", "submissions.token-days"),
            ("submissions:\n  abandon-days: soon\n", "submissions.abandon-days"),
        ] {
            try Data(yaml.utf8).write(to: folder.appendingPathComponent("server.yaml"))
            var options = ServerOptions(archive: folder)
            XCTAssertThrowsError(try ServerConfigurationFile.apply(to: &options), yaml) { error in
                XCTAssertTrue("\(error)".contains(words) && "\(error)".contains("server.yaml"), "\(error)")
            }
        }
    }
}
