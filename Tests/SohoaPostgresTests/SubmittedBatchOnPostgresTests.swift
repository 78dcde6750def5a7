import Foundation
import SohoaCatalog
import SohoaPostgres
import SohoaPostgresTesting
import SohoaTesting
import XCTest

/// A batch submitted by a district station and run by `sohoa serve --catalog postgresql://…`
/// (issue 16): the server runs it with the catalog it serves (`RunOptions.catalog`), as it does on
/// the archive's catalog.sqlite. One archive (a one-page image-only run) copied twice, its catalog
/// copied to PostgreSQL; the same one-page batch submitted to a server on each: the same
/// submission states and figures, the item archived on PostgreSQL's catalog (none made in the
/// archive's folder), the archive valid OCFL. Skipped without `SOHOA_TEST_POSTGRES_URL`.
final class SubmittedBatchOnPostgresTests: XCTestCase {
    static let password = "mật khẩu trạm Tam Đường"
    static let samples = CatalogCopyEndToEndTests.packageRoot.appendingPathComponent("SampleScans")

    private func sohoa(_ arguments: [String], _ environment: [String: String] = [:], input: String? = nil) throws -> ProcessOutput {
        try ProcessRunner.run(
            SohoaBinary.url, arguments, environment: ["SOHOA_BCRYPT_COST": "4"].merging(environment) { $1 }, input: input)
    }

    func testTheServerRunsASubmittedBatchOnPostgresAsOnSQLite() throws {
        let database = try PostgresTestDatabase(self)
        let folder = try TemporaryFolder("sohoa-pg-submission")
        let template = try seedArchive(in: folder.url)
        let onSQLite = folder.url.appendingPathComponent("sqlite")
        let onPostgres = folder.url.appendingPathComponent("postgres")
        try FileManager.default.copyItem(at: template, to: onSQLite)
        try FileManager.default.copyItem(at: template, to: onPostgres)
        let copy = try sohoa(["catalog", "copy", "--from", onPostgres.path, "--to", database.url])
        XCTAssertEqual(copy.exitCode, 0, copy.stderr)
        // The copy's own SQLite catalog goes, so nothing can read or write it by mistake.
        try FileManager.default.removeItem(at: onPostgres.appendingPathComponent(Catalog.fileName))

        let batch = folder.url.appendingPathComponent("lo-tam-duong")
        let item = batch.appendingPathComponent("so-moi")
        try FileManager.default.createDirectory(at: item, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Self.samples.appendingPathComponent("bao-lai-chau-1998/trang-1.tif"), to: item.appendingPathComponent("trang-1.tif"))
        try Data("item,title\nso-moi,Báo Lai Châu số mới\n".utf8).write(to: batch.appendingPathComponent("items.csv"))

        let sqlite = try submit(batch, to: onSQLite, catalog: [], station: folder.url.appendingPathComponent("station-sqlite"))
        let postgres = try submit(
            batch, to: onPostgres, catalog: ["--catalog", database.url], station: folder.url.appendingPathComponent("station-postgres"))
        XCTAssertEqual(postgres, sqlite, "sohoa submissions says the same of both servers")
        XCTAssertEqual(postgres.first?["state"] as? String, "archived", "\(postgres)")

        XCTAssertFalse(
            FileManager.default.fileExists(atPath: onPostgres.appendingPathComponent(Catalog.fileName).path),
            "the run wrote the catalog on PostgreSQL, not a catalog.sqlite")
        let status = try sohoa(["status", "--json", "--archive", onPostgres.path, "--catalog", database.url])
        XCTAssertEqual(status.exitCode, 0, status.stderr)
        let figures = (try? JSONSerialization.jsonObject(with: Data(status.stdout.utf8))) as? [String: Any] ?? [:]
        XCTAssertEqual(figures["itemCount"] as? Int, 2, status.stdout)
        let catalog = try PostgresCatalogBackend.catalog(database.address)
        XCTAssertEqual(try catalog.item(id: "so-moi")?.title, "Báo Lai Châu số mới")
        XCTAssertEqual(try catalog.item(id: "so-moi")?.libraryCode, "LCH", "the submitting account's library")
        try SharedChecks.assertValidOCFLRoot(onPostgres, objects: 2)
    }

    /// An archive with one item run locally (a server needs an archive), the scanner account `tam`,
    /// and server.yaml sending submitted batches through the image-only pipeline.
    private func seedArchive(in folder: URL) throws -> URL {
        let seed = folder.appendingPathComponent("seed/mot-trang")
        try FileManager.default.createDirectory(at: seed, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Self.samples.appendingPathComponent("bao-lai-chau-1998/trang-3.png"), to: seed.appendingPathComponent("trang-3.png"))
        let archive = folder.appendingPathComponent("archive")
        let pipeline = CatalogCopyEndToEndTests.packageRoot.appendingPathComponent("Pipelines/image-only.yaml").path
        let run = try sohoa([
            "run", seed.deletingLastPathComponent().path, "--archive", archive.path, "--pipeline", pipeline, "--library", "LCH",
        ])
        XCTAssertEqual(run.exitCode, 0, run.stderr)
        try Data("submissions:\n  pipeline: \(pipeline)\n".utf8).write(to: archive.appendingPathComponent("server.yaml"))
        let user = try sohoa(
            ["users", "add", "tam", "--role", "scanner", "--library", "LCH", "--password-stdin", "--archive", archive.path],
            input: Self.password + "\n")
        XCTAssertEqual(user.exitCode, 0, user.stderr)
        return archive
    }

    /// Starts `sohoa serve` on `archive` (with `catalog`'s options), signs the station in, submits
    /// `batch` and waits (4 minutes at most) until it is archived or failed; returns `sohoa submissions --json` without what differs
    /// from one upload to the next (ids, times, the bag's size and digest).
    private func submit(
        _ batch: URL, to archive: URL, catalog: [String], station: URL
    ) throws -> [NSDictionary] {
        let server = try ServerProcess(archive: archive, extraArguments: catalog, timeout: 30)
        defer { server.stop() }
        var said: String { server.output }
        let base = server.base
        let environment = [
            "XDG_CONFIG_HOME": station.appendingPathComponent("config").path,
            "XDG_CACHE_HOME": station.appendingPathComponent("cache").path,
        ]
        let login = try sohoa(["login", base, "--user", "tam", "--password-stdin"], environment, input: Self.password + "\n")
        XCTAssertEqual(login.exitCode, 0, login.stderr)
        let sent = try sohoa(["submit", base, batch.path, "--json"], environment)
        XCTAssertEqual(sent.exitCode, 0, "submit ends with the batch verified:\n\(sent.stdout)\n\(sent.stderr)\n\(said)")
        // Not `--wait`: a server that never runs the batch must fail the test, not hang it.
        var submissions: [[String: Any]] = []
        let deadline = Date().addingTimeInterval(240)
        while Date() < deadline {
            let list = try sohoa(["submissions", base, "--json"], environment)
            XCTAssertEqual(list.exitCode, 0, list.stderr)
            submissions = (try? JSONSerialization.jsonObject(with: Data(list.stdout.utf8))) as? [[String: Any]] ?? []
            if ["archived", "failed"].contains(submissions.first?["state"] as? String ?? "") { break }
            Thread.sleep(forTimeInterval: 0.5)
        }
        XCTAssertEqual(submissions.first?["state"] as? String, "archived", "\(submissions)\n\(said)")
        let kept = submissions.map { submission in
            NSDictionary(
                dictionary: submission.filter { !["id", "createdAt", "updatedAt", "size", "sha256", "receivedBytes"].contains($0.key) })
        }
        return kept
    }
}
