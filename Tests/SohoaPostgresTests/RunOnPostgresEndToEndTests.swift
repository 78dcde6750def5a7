import Foundation
import SohoaCatalog
import SohoaCollection
import SohoaPostgres
import SohoaPostgresTesting
import SohoaTesting
import XCTest

/// `sohoa run --catalog postgresql://…` as a user runs it (issue 16): one SampleScans page into an
/// archive whose catalog is on PostgreSQL gives a valid OCFL root and the catalog the same run writes
/// on SQLite; a second run (with `SOHOA_CATALOG`) reuses the recognized page, closes a batch a killed
/// run left `running`, and respects the run lock; MARC 21 exports are those of the same catalog on
/// SQLite; a distributed run writes it too.
final class RunOnPostgresEndToEndTests: XCTestCase {
    static var binary: URL { SohoaBinary.url }

    func testARunWritesTheSameCatalogOnPostgresAsOnSQLiteAndResumes() throws {
        let database = try PostgresTestDatabase(self)
        let folder = try TemporaryFolder("sohoa-pg-run")
        let samples = SharedFolder.packageRoot.appendingPathComponent("SampleScans/truyen-co-thai")
        let item = folder.url.appendingPathComponent("batch/truyen-co")
        try FileManager.default.createDirectory(at: item, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: samples.appendingPathComponent("01.tif"), to: item.appendingPathComponent("01.tif"))
        let pipeline = try folder.file("pipeline.yaml", CatalogCopyEndToEndTests.pipeline)
        func run(_ archive: URL, _ options: [String] = [], environment: [String: String] = [:]) throws -> ProcessOutput {
            try ProcessRunner.run(
                Self.binary,
                [
                    "run", item.deletingLastPathComponent().path, "--archive", archive.path, "--pipeline", pipeline.path, "--library",
                    "LCH", "--json",
                ]
                    + options, environment: environment)
        }
        let onSQLite = folder.url.appendingPathComponent("kho-sqlite")
        let onPostgres = folder.url.appendingPathComponent("kho-pg")
        let first = try run(onSQLite)
        XCTAssertEqual(first.exitCode, 0, first.stderr)
        let there = try run(onPostgres, ["--catalog", database.url])
        XCTAssertEqual(there.exitCode, 0, there.stderr)
        XCTAssertFalse(there.stderr.contains(database.address.password ?? "-"), "the password is never printed")
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: onPostgres.appendingPathComponent(Catalog.fileName).path),
            "no SQLite catalog beside the PostgreSQL one")

        let sqlite = try Catalog(url: onSQLite.appendingPathComponent(Catalog.fileName))
        let postgres = try PostgresCatalogBackend.catalog(database.address)
        let expected = try Self.contents(of: sqlite)
        XCTAssertEqual(expected.filter { $0.hasPrefix("page ") }.count, 1, expected.joined(separator: "\n"))
        XCTAssertTrue(expected.contains("stage 01 ocr done"), expected.joined(separator: "\n"))
        XCTAssertEqual(try Self.contents(of: postgres), expected, "the run's catalog on PostgreSQL is the one it writes on SQLite")

        // A run killed before it closed its batch; the lock of a run still going.
        let killed = try postgres.startBatch(path: "/killed/run", pipeline: "copy-test")
        try FileManager.default.copyItem(at: samples.appendingPathComponent("02.tif"), to: item.appendingPathComponent("02.tif"))
        let busy = try withExtendedLifetime(RunLock.acquire(archive: onPostgres, batch: "lock-test-run")) {
            try run(onPostgres, environment: ["SOHOA_CATALOG": database.url])
        }
        XCTAssertEqual(busy.exitCode, 3, busy.stderr)
        XCTAssertTrue(busy.stderr.contains("batch lock-test-run"), "names the run holding the archive: \(busy.stderr)")
        XCTAssertEqual(try postgres.batch(id: killed)?.state, .running, "a refused run writes nothing")

        let again = try run(onPostgres, environment: ["SOHOA_CATALOG": database.url])
        XCTAssertEqual(again.exitCode, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("\"pages_reused\":1"), "page 01 is not recognized again: \(again.stdout)")
        XCTAssertTrue(again.stdout.contains("\"pages_done\":1"), again.stdout)
        XCTAssertEqual(try postgres.batch(id: killed)?.state, .interrupted, "the killed run's batch is closed")
        XCTAssertEqual(try postgres.item(id: "truyen-co")?.ocflVersion, "v2")
        XCTAssertEqual(try postgres.pages(itemID: "truyen-co").map(\.name), ["01", "02"])
        try SharedChecks.assertValidOCFLRoot(onPostgres, objects: 1)

        // The archivist's commands on that catalog: the audits (SOHOA_CATALOG: audit's `--catalog` is
        // its catalog check), access, a bag exported and imported into another
        // archive whose catalog is on PostgreSQL too.
        func sohoa(_ arguments: [String]) throws -> ProcessOutput {
            let run = try ProcessRunner.run(Self.binary, arguments)
            XCTAssertEqual(run.exitCode, 0, "\(arguments.prefix(2)): \(run.stderr)")
            return run
        }
        for check in [[], ["--catalog"]] {
            let audit = try ProcessRunner.run(
                Self.binary, ["audit", "--archive", onPostgres.path] + check, environment: ["SOHOA_CATALOG": database.url])
            XCTAssertEqual(audit.exitCode, 0, "audit \(check): \(audit.stdout)\(audit.stderr)")
        }
        XCTAssertEqual(try postgres.audits().map(\.objectsChecked), [1], "the fixity audit is recorded in the catalog on PostgreSQL")
        _ = try sohoa(["access", "truyen-co", "restricted", "--archive", onPostgres.path, "--catalog", database.url])
        XCTAssertEqual(try postgres.access(itemID: "truyen-co"), .restricted)
        let csv = try folder.file("mo-ta.csv", "item,title\ntruyen-co,Truyện cổ Thái\n")
        let edited = try sohoa([
            "metadata", "import", csv.path, "--apply", "--by", "Lò Thị Mai", "--archive", onPostgres.path, "--catalog", database.url,
        ])
        XCTAssertEqual(try postgres.item(id: "truyen-co")?.title, "Truyện cổ Thái", edited.stdout)
        XCTAssertEqual(try postgres.item(id: "truyen-co")?.ocflVersion, "v3", "the new description is a version")
        let described = folder.url.appendingPathComponent("mo-ta-ra.csv")
        _ = try sohoa(["metadata", "export", "--out", described.path, "--archive", onPostgres.path, "--catalog", database.url])
        XCTAssertTrue(try String(contentsOf: described, encoding: .utf8).contains("Truyện cổ Thái"))
        let bags = folder.url.appendingPathComponent("tui")
        _ = try sohoa([
            "export", "truyen-co", "--format", "bag", "--out", bags.path, "--archive", onPostgres.path, "--catalog", database.url,
        ])
        let bag = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: bags.path).first, "one bag written")
        let receiving = try PostgresTestDatabase(self)
        let imported = try sohoa([
            "import", bags.appendingPathComponent(bag).path, "--archive", folder.url.appendingPathComponent("kho-nhan").path, "--catalog",
            receiving.url,
        ])
        XCTAssertTrue(imported.stdout.contains("urn:sohoa:LCH:truyen-co v1"), imported.stdout)
        let received = try PostgresCatalogBackend.catalog(receiving.address)
        XCTAssertEqual(try received.pages(itemID: "truyen-co").map(\.name), ["01", "02"])
        XCTAssertEqual(try received.item(id: "truyen-co")?.state, .packaged)
        XCTAssertEqual(try received.item(id: "truyen-co")?.title, "Truyện cổ Thái", "the description travels in the bag")
        try SharedChecks.assertValidOCFLRoot(folder.url.appendingPathComponent("kho-nhan"), objects: 1)

        // MARC 21 from the catalog on PostgreSQL: the same bytes as from its copy on SQLite (the
        // same rows, so the same 005 and 008 dates).
        let copied = folder.url.appendingPathComponent("ban-sao.sqlite")
        _ = try sohoa(["catalog", "copy", "--from", database.url, "--to", copied.path])
        for format in ["marc", "marcxml"] {
            var records: [Data] = []
            for catalog in [database.url, copied.path] {
                let out = folder.url.appendingPathComponent("marc-\(format)-\(records.count)")
                let export = try sohoa([
                    "export", "--all", "--format", format, "--public-url", "https://thuvien.example", "--out", out.path, "--archive",
                    onPostgres.path, "--catalog", catalog,
                ])
                XCTAssertTrue(export.stderr.hasPrefix("1 ") && export.stderr.contains("MARC 21"), "one record: \(export.stderr)")
                let file = URL(fileURLWithPath: export.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
                records.append(try Data(contentsOf: file))
            }
            XCTAssertEqual(records[0], records[1], "\(format): the same record from PostgreSQL as from SQLite")
            XCTAssertTrue(String(decoding: records[0], as: UTF8.self).contains("Truyện cổ Thái"), format)
        }
    }

    /// A distributed run with the catalog on PostgreSQL too, in the queue's own database: the planner
    /// (`--jobs 0`) registers the page there and packages it, one `sohoa worker --catalog` (no `--queue`)
    /// recognizes it.
    func testADistributedRunWritesItsCatalogOnPostgres() throws {
        let database = try PostgresTestDatabase(self)
        let folder = try TemporaryFolder("sohoa-pg-queue")
        let item = folder.url.appendingPathComponent("batch/truyen-co")
        try FileManager.default.createDirectory(at: item, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: SharedFolder.packageRoot.appendingPathComponent("SampleScans/truyen-co-thai/01.tif"),
            to: item.appendingPathComponent("01.tif"))
        let pipeline = try folder.file("pipeline.yaml", CatalogCopyEndToEndTests.pipeline)
        let archive = folder.archive
        let planner = try Background(
            folder, "planner",
            [
                "run", item.deletingLastPathComponent().path, "--archive", archive.path, "--pipeline", pipeline.path, "--library", "LCH",
                "--queue", database.url, "--catalog", database.url, "--jobs", "0", "--json",
            ])
        defer { planner.stop(SIGKILL) }
        // The worker is given the catalog only: the queue is in its database.
        let worker = try Background(folder, "worker", ["worker", "--catalog", database.url, "--archive", archive.path, "--jobs", "1"])
        defer { worker.stop(SIGKILL) }
        XCTAssertEqual(planner.wait(seconds: 120), 0, planner.output + worker.output)
        worker.stop(SIGTERM)
        XCTAssertEqual(worker.wait(seconds: 30), 0, worker.output)

        XCTAssertTrue(planner.stdout.contains("\"pages_done\":1"), planner.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: archive.appendingPathComponent(Catalog.fileName).path))
        let catalog = try PostgresCatalogBackend.catalog(database.address)
        XCTAssertEqual(try catalog.item(id: "truyen-co")?.state, .packaged)
        let page = try XCTUnwrap(try catalog.pages(itemID: "truyen-co").first)
        XCTAssertEqual(page.state, .done)
        XCTAssertFalse(try XCTUnwrap(try catalog.pageText(pageID: try XCTUnwrap(page.id))).isEmpty, "the worker's text is in the catalog")
        XCTAssertEqual(try catalog.stages(pageID: try XCTUnwrap(page.id)).first { $0.stage == .ocr }?.state, .done)
        try SharedChecks.assertValidOCFLRoot(archive, objects: 1)
    }

    /// An archivist's commands with `--catalog postgresql://…` print what they print on SQLite: the
    /// register imported (before any batch: the archive is made for it) and imported again, libraries
    /// added and renamed, the holdings check.
    func testTheRegisterAndLibraryCommandsAnswerTheSameOnPostgres() throws {
        let database = try PostgresTestDatabase(self)
        let folder = try TemporaryFolder("sohoa-pg-register")
        let fixtures = SharedFolder.packageRoot.appendingPathComponent("Tests/Fixtures/holdings")
        let commands: [[String]] = [
            ["holdings", "import", fixtures.appendingPathComponent("register.csv").path, "--json"],
            ["holdings", "import", fixtures.appendingPathComponent("register-v2.csv").path],
            ["libraries", "add", "TUY", "Thư viện huyện Than Uyên", "--district", "Than Uyên"],
            ["libraries", "add", "TUY", "Lần nữa"],
            ["libraries", "rename", "tuy", "TV Than Uyên"],
            ["libraries", "rename", "MTE", "Không có"],
            ["holdings", "check", "--json"],
        ]
        func answers(_ archive: URL, _ catalog: [String]) throws -> [String] {
            try commands.map { command in
                let run = try ProcessRunner.run(Self.binary, command + ["--archive", archive.path] + catalog)
                return "\(command.prefix(2).joined(separator: " ")): exit \(run.exitCode)\n\(run.stdout)\(run.stderr)"
            }
        }
        let onSQLite = try answers(folder.url.appendingPathComponent("kho-sqlite"), [])
        XCTAssertTrue(onSQLite[0].contains("\"added\" : 7"), onSQLite[0])
        XCTAssertTrue(onSQLite[3].contains("listed already"), onSQLite[3])
        XCTAssertTrue(onSQLite[4].contains("TV Than Uyên"), onSQLite[4])
        let onPostgres = try answers(folder.url.appendingPathComponent("kho-pg"), ["--catalog", database.url])
        for (sqlite, postgres) in zip(onSQLite, onPostgres) {
            XCTAssertEqual(postgres.replacingOccurrences(of: "kho-pg", with: "kho-sqlite"), sqlite)
        }
        let libraries = try ProcessRunner.run(
            Self.binary, ["libraries", "list", "--archive", folder.url.appendingPathComponent("kho-pg").path],
            environment: ["SOHOA_CATALOG": database.url])
        XCTAssertEqual(libraries.exitCode, 0, libraries.stderr)
        XCTAssertTrue(libraries.stdout.contains("TV Than Uyên"), libraries.stdout)
    }

    /// What a run writes, without the moments and ids that differ between two runs: items, pages,
    /// their stages and texts, events and batches.
    static func contents(of catalog: Catalog) throws -> [String] {
        var lines: [String] = []
        for item in try catalog.items() {
            lines.append("item \(item.id) \(item.state) \(item.ocflVersion ?? "-") \(item.pageCount) \(item.objectID)")
            for page in try catalog.pages(itemID: item.id) {
                lines.append("page \(page.name) \(page.state) \(page.sourceSHA256)")
                guard let id = page.id else { continue }
                for stage in try catalog.stages(pageID: id) { lines.append("stage \(page.name) \(stage.stage) \(stage.state)") }
                lines.append("text \(page.name) \(try catalog.pageText(pageID: id) ?? "-")")
            }
            lines += try catalog.events(itemID: item.id).map { "event \($0.type.rawValue) \($0.outcome)" }
        }
        let status = try catalog.status()
        lines.append("status \(status.itemCount) \(status.pageCount) \(status.failureCount)")
        lines += try catalog.batches().map { "batch \($0.state) \($0.pageCount) \($0.failureCount)" }
        return lines
    }
}
