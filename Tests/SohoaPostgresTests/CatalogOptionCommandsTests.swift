import Foundation
import SohoaCatalog
import SohoaPostgresTesting
import SohoaTesting
import XCTest

/// The commands that took `--catalog` with the server's queries (issue 16): `sohoa users`, `access`,
/// `withdraw`, `stats`, `report` and `serve` on the copy of a real run's catalog on PostgreSQL (an image-only
/// run of two one-page items), writing there and not in the archive's catalog.sqlite.
final class CatalogOptionCommandsTests: XCTestCase {
    static var binary: URL { SohoaBinary.url }
    static let fastHashing = ["SOHOA_BCRYPT_COST": "4"]

    private func sohoa(_ arguments: [String], _ environment: [String: String] = [:], input: String? = nil) throws -> ProcessOutput {
        try ProcessRunner.run(Self.binary, arguments, environment: Self.fastHashing.merging(environment) { $1 }, input: input)
    }

    func testUsersAccessWithdrawStatsAndServeOnPostgres() throws {
        let database = try PostgresTestDatabase(self)
        let folder = try TemporaryFolder("sohoa-pg-commands")
        let page = CatalogCopyEndToEndTests.packageRoot.appendingPathComponent("SampleScans/bao-lai-chau-1998/trang-1.tif")
        for item in ["so-1", "so-2"] {
            let itemFolder = folder.url.appendingPathComponent("batch/\(item)")
            try FileManager.default.createDirectory(at: itemFolder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: page, to: itemFolder.appendingPathComponent("trang-1.tif"))
        }
        let archive = folder.archive.path
        let pipeline = CatalogCopyEndToEndTests.packageRoot.appendingPathComponent("Pipelines/image-only.yaml").path
        let run = try sohoa([
            "run", folder.url.appendingPathComponent("batch").path, "--archive", archive, "--pipeline", pipeline, "--library", "LCH",
        ])
        XCTAssertEqual(run.exitCode, 0, run.stderr)
        try Catalog(url: folder.archive.appendingPathComponent(Catalog.fileName)).recordUsage(CatalogCopyTests.usage)
        let copy = try sohoa(["catalog", "copy", "--from", archive, "--to", database.url])
        XCTAssertEqual(copy.exitCode, 0, copy.stderr)
        let onPostgres = ["--archive", archive, "--catalog", database.url]

        let stats = try sohoa(["stats", "--year", "2026", "--json", "--archive", archive])
        XCTAssertEqual(stats.exitCode, 0, stats.stderr)
        let statsThere = try sohoa(["stats", "--year", "2026", "--json"] + onPostgres)
        XCTAssertEqual(statsThere.exitCode, 0, statsThere.stderr)
        XCTAssertEqual(statsThere.stdout, stats.stdout, "sohoa stats on PostgreSQL prints what it prints on SQLite")
        try assertSameReport(archive: archive, catalog: database.url, in: folder.url)

        let added = try sohoa(["users", "add", "lan", "--role", "archivist", "--password-stdin"] + onPostgres, input: "12345678\n")
        XCTAssertEqual(added.exitCode, 0, added.stderr)
        XCTAssertEqual(try sohoa(["users", "disable", "lan"] + onPostgres).exitCode, 0)
        let list = try sohoa(["users", "list", "--json", "--archive", archive], ["SOHOA_CATALOG": database.url])
        XCTAssertEqual(list.exitCode, 0, list.stderr)
        XCTAssertTrue(list.stdout.contains("\"lan\""), list.stdout)
        XCTAssertTrue(list.stdout.contains("\"disabled\" : true") || list.stdout.contains("\"disabled\":true"), list.stdout)
        let local = try Catalog(url: folder.archive.appendingPathComponent(Catalog.fileName))
        XCTAssertEqual(try local.users(), [], "the archive's own catalog was not written")

        XCTAssertEqual(try sohoa(["access", "so-1", "restricted"] + onPostgres).exitCode, 0)
        let withdrawn = try sohoa(["withdraw", "so-2", "--reason", "trùng"] + onPostgres)
        XCTAssertEqual(withdrawn.exitCode, 0, withdrawn.stderr)
        XCTAssertEqual(try sohoa(["access", "so-1"] + onPostgres).stdout.contains("restricted"), true)
        XCTAssertEqual(try local.access(itemID: "so-1"), .public, "the archive's own catalog was not written")
        XCTAssertNil(try local.oaiRecord(itemID: "so-2")?.withdrawnAt)

        // The server on the catalog there: the withdrawn item is gone, the restricted one needs a sign-in.
        let server = try ServerProcess(archive: URL(fileURLWithPath: archive), extraArguments: ["--catalog", database.url])
        defer { server.stop() }
        func status(_ path: String) throws -> String {
            try ProcessRunner.run(
                URL(fileURLWithPath: "/usr/bin/curl"), ["-s", "-o", "/dev/null", "-w", "%{http_code}", server.base + path]
            ).stdout
        }
        let said = server.output
        XCTAssertEqual(try status("/oai?verb=Identify"), "200", "sohoa serve --catalog answers: \(said)")
        XCTAssertTrue(said.contains(", catalog postgresql://sohoa"), "the start line names the catalog, without its password: \(said)")
        let password = try XCTUnwrap(URLComponents(string: database.url)?.password)
        XCTAssertFalse(said.contains(password), "the password is not shown")
        XCTAssertEqual(try status("/items/so-2"), "404", "withdrawn on PostgreSQL (public in catalog.sqlite)")
        XCTAssertNotEqual(try status("/items/so-1"), "200", "restricted on PostgreSQL: not shown to anonymous readers")
        let oai = try ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/curl"), ["-s", server.base + "/oai?verb=ListIdentifiers&metadataPrefix=oai_dc"])
        XCTAssertTrue(oai.stdout.contains("status=\"deleted\""), oai.stdout)
    }

    /// `sohoa report` on the archive's catalog.sqlite and with `SOHOA_CATALOG` on its copy at `catalog`:
    /// the same files, the same bytes but for the report's days (made on, figures as of).
    private func assertSameReport(archive: String, catalog: String, in folder: URL) throws {
        let onSQLite = folder.appendingPathComponent("report-sqlite")
        let onPostgres = folder.appendingPathComponent("report-postgres")
        let report = try sohoa(["report", "--year", "2026", "--archive", archive, "--out", onSQLite.path])
        XCTAssertEqual(report.exitCode, 0, report.stderr)
        let there = try sohoa(["report", "--year", "2026", "--archive", archive, "--out", onPostgres.path], ["SOHOA_CATALOG": catalog])
        XCTAssertEqual(there.exitCode, 0, there.stderr)
        XCTAssertEqual(
            there.stdout.replacingOccurrences(of: onPostgres.path, with: "OUT"),
            report.stdout.replacingOccurrences(of: onSQLite.path, with: "OUT"),
            "the same files listed")
        let names = try FileManager.default.contentsOfDirectory(atPath: onSQLite.path).sorted()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: onPostgres.path).sorted(), names)
        XCTAssertTrue(names.contains("bao-cao.html") && names.contains("usage-items.csv"), "\(names)")
        func text(_ url: URL) throws -> String {
            try String(contentsOf: url, encoding: .utf8).replacingOccurrences(
                of: "[0-9]{2}/[0-9]{2}/[0-9]{4}", with: "DAY", options: .regularExpression)
        }
        for name in names {
            let expected = try text(onSQLite.appendingPathComponent(name))
            XCTAssertEqual(try text(onPostgres.appendingPathComponent(name)), expected, "\(name) on PostgreSQL as on SQLite")
        }
        XCTAssertTrue(try text(onPostgres.appendingPathComponent("usage-items.csv")).contains("dia-chi"), "the usage recorded is reported")
    }
}
