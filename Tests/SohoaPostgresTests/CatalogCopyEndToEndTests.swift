import Foundation
import SohoaCatalog
import SohoaCollection
import SohoaPostgres
import SohoaPostgresTesting
import SohoaTesting
import XCTest

@testable import SohoaPostgres

/// `sohoa catalog copy` as a user runs it, over the catalog of a real `sohoa run` (three SampleScans
/// pages, and a day of usage): to PostgreSQL and back, every table the same row for row.
final class CatalogCopyEndToEndTests: XCTestCase {
    static let packageRoot = SharedFolder.packageRoot
    static var binary: URL { SohoaBinary.url }

    /// Every stage runs, with the costly normalization steps off and small access copies.
    static let pipeline = """
        name: copy-test
        languages: [vie]
        normalize: {orientation: false, deskew: false, max-skew: 15, crop-borders: false, even-light: false,
                    binarize: none, despeckle: false, split-spreads: never, min-dpi: 200}
        ocr: {psm: auto, outputs: [alto, text]}
        workers: {ingest: 1, normalize: 1, ocr: 1, package: 1}
        package: {access-derivative: {format: png, max-side: 600}}

        """

    /// `<folder>/batch`: two items of SampleScans, three pages (the distributed run's test uses it too).
    static func writeSampleBatch(into folder: TemporaryFolder) throws {
        let samples = packageRoot.appendingPathComponent("SampleScans")
        for (item, files) in [
            ("truyen-co", ["truyen-co-thai/01.tif", "truyen-co-thai/02.tif"]), ("bao-xuan", ["bao-lai-chau-1998/trang-2.tif"]),
        ] {
            let target = folder.url.appendingPathComponent("batch/\(item)")
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            for file in files {
                let source = samples.appendingPathComponent(file)
                try FileManager.default.copyItem(at: source, to: target.appendingPathComponent(source.lastPathComponent))
            }
        }
    }

    func testCopiesARunsCatalogToPostgresAndBackRowForRow() throws {
        let database = try PostgresTestDatabase(self)
        let folder = try TemporaryFolder("sohoa-pg-e2e")
        try Self.writeSampleBatch(into: folder)
        let pipeline = try folder.file("pipeline.yaml", Self.pipeline)
        let archive = folder.archive
        let run = try ProcessRunner.run(
            Self.binary,
            [
                "run", folder.url.appendingPathComponent("batch").path, "--archive", archive.path, "--pipeline", pipeline.path, "--library",
                "LCH",
            ])
        XCTAssertEqual(run.exitCode, 0, run.stderr)

        // The commands that only read never make a catalog where they were pointed by mistake.
        let empty = try ProcessRunner.run(Self.binary, ["status", "--archive", archive.path, "--catalog", database.url])
        XCTAssertEqual(empty.exitCode, 3, empty.stderr)
        XCTAssertTrue(empty.stderr.contains("chưa có danh mục sohoa"), empty.stderr)
        let probe = try database.connect()
        XCTAssertEqual(
            try probe.query("SELECT to_regclass('grdb_migrations') IS NULL").first?.decode(Bool.self), true, "the database is left empty")
        probe.close()
        let typo = folder.url.appendingPathComponent("kho-khac/catalog.sqlite")
        let missing = try ProcessRunner.run(Self.binary, ["progress", "--archive", archive.path, "--catalog", typo.path])
        XCTAssertEqual(missing.exitCode, 2, missing.stderr)
        XCTAssertTrue(missing.stderr.contains("không có danh mục ở \(typo.path)"), missing.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: typo.deletingLastPathComponent().path), "nothing made")

        // What `sohoa serve` would have counted, so the usage tables go over too.
        try Catalog(url: archive.appendingPathComponent("catalog.sqlite")).recordUsage(CatalogCopyTests.usage)

        let there = try ProcessRunner.run(Self.binary, ["catalog", "copy", "--from", archive.path, "--to", database.url])
        XCTAssertEqual(there.exitCode, 0, there.stderr)
        XCTAssertTrue(there.stdout.contains("page_texts: 3"), there.stdout)
        XCTAssertTrue(there.stdout.contains("usage_days: 2"), there.stdout)
        XCTAssertFalse(there.stdout.contains(database.address.password ?? "-"), "the password is never printed")

        try Self.checkStatusAndProgressOnPostgres(archive: archive, catalog: database.url)

        let again = try ProcessRunner.run(Self.binary, ["catalog", "copy", "--from", archive.path, "--to", database.url])
        XCTAssertEqual(again.exitCode, 2, "a destination with rows is refused: \(again.stderr)")
        XCTAssertTrue(again.stderr.contains("--replace"), again.stderr)

        let back = folder.url.appendingPathComponent("back.sqlite")
        let home = try ProcessRunner.run(Self.binary, ["catalog", "copy", "--from", database.url, "--to", back.path])
        XCTAssertEqual(home.exitCode, 0, home.stderr)

        let original = try SQLiteCatalogRows.dump(archive.appendingPathComponent("catalog.sqlite"))
        let copied = try SQLiteCatalogRows.dump(back)
        XCTAssertEqual((original["pages"] ?? []).count, 3)
        XCTAssertGreaterThan((original["events"] ?? []).count, 0)
        for table in original.keys.sorted() {
            XCTAssertEqual(copied[table], original[table], "table \(table) differs after the round trip")
        }

        let unreachable = try ProcessRunner.run(
            Self.binary, ["catalog", "copy", "--from", archive.path, "--to", "postgresql://sohoa:x@127.0.0.1:1/sohoa"])
        XCTAssertEqual(unreachable.exitCode, 3, unreachable.stderr)
        XCTAssertTrue(unreachable.stderr.contains("không kết nối được máy chủ PostgreSQL"), unreachable.stderr)
    }

    /// `sohoa search --json` on the copy at `catalog` (`--catalog`, then `SOHOA_CATALOG`) prints what it
    /// prints on the archive's SQLite catalog, for words of the run's own pages (as read, without marks,
    /// as a phrase, as a prefix) and a word found nowhere.
    static func checkSearchOnPostgres(archive: URL, catalog: String) throws {
        let sqlite = try Catalog(url: archive.appendingPathComponent(Catalog.fileName))
        var words: [String] = []
        for item in try sqlite.items() {
            for page in try sqlite.exportablePages(itemID: item.id) {
                words += (page.text ?? "").split(whereSeparator: { !$0.isLetter }).map(String.init).filter { $0.count > 3 }
            }
        }
        XCTAssertGreaterThan(words.count, 10, "the run's pages hold words")
        let marked = words.first { $0.unicodeScalars.contains { $0.value > 0x7F } } ?? words[0]
        let queries = [
            marked, DiacriticFolding.fold(marked), "\"\(words[0]) \(words[1])\"", words[2] + " " + String(words[3].prefix(3)),
            "\(words[4]) \(words[5]) \(words[4])", "xyzzyq",
        ]
        var found = 0
        for query in queries {
            let onSQLite = try ProcessRunner.run(binary, ["search", query, "--archive", archive.path, "--json", "--limit", "50"])
            XCTAssertEqual(onSQLite.exitCode, 0, onSQLite.stderr)
            let there = try ProcessRunner.run(
                binary, ["search", query, "--archive", archive.path, "--json", "--limit", "50", "--catalog", catalog])
            XCTAssertEqual(there.exitCode, 0, there.stderr)
            XCTAssertEqual(there.stdout, onSQLite.stdout, "sohoa search \(query) on PostgreSQL prints what it prints on SQLite")
            if !onSQLite.stdout.isEmpty { found += 1 }
        }
        XCTAssertGreaterThanOrEqual(found, 4, "the queries made from the pages' words find them")
        let withVariable = try ProcessRunner.run(
            binary, ["search", marked, "--archive", archive.path, "--json"], environment: ["SOHOA_CATALOG": catalog])
        XCTAssertEqual(withVariable.exitCode, 0, withVariable.stderr)
        XCTAssertFalse(withVariable.stdout.isEmpty, "SOHOA_CATALOG names the catalog too")
    }

    /// `sohoa status` and `sohoa progress` on the copy at `catalog` (`--catalog`, then `SOHOA_CATALOG`)
    /// print the same figures as on the archive's SQLite catalog; a command not ported yet refuses it.
    static func checkStatusAndProgressOnPostgres(archive: URL, catalog: String) throws {
        let status = try ProcessRunner.run(binary, ["status", "--archive", archive.path, "--json"])
        XCTAssertEqual(status.exitCode, 0, status.stderr)
        XCTAssertTrue(status.stdout.contains("\"pageCount\" : 3"), status.stdout)
        let statusThere = try ProcessRunner.run(binary, ["status", "--archive", archive.path, "--catalog", catalog, "--json"])
        XCTAssertEqual(statusThere.exitCode, 0, statusThere.stderr)
        XCTAssertEqual(statusThere.stdout, status.stdout, "sohoa status on PostgreSQL prints what it prints on SQLite")
        let unreachable = try ProcessRunner.run(
            binary, ["status", "--archive", archive.path, "--catalog", "postgresql://sohoa:x@127.0.0.1:1/sohoa"])
        XCTAssertEqual(unreachable.exitCode, 3, unreachable.stderr)
        XCTAssertTrue(unreachable.stderr.contains("không kết nối được máy chủ PostgreSQL"), unreachable.stderr)
        let library = try ProcessRunner.run(
            binary, ["status", "--archive", archive.path, "--library", "LCH"], environment: ["SOHOA_CATALOG": catalog])
        XCTAssertEqual(library.exitCode, 0, library.stderr)
        XCTAssertTrue(library.stdout.contains("3"), library.stdout)

        func progress(_ environment: [String: String]) throws -> [String: NSObject] {
            let run = try ProcessRunner.run(binary, ["progress", "--archive", archive.path, "--json"], environment: environment)
            XCTAssertEqual(run.exitCode, 0, run.stderr)
            var report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: NSObject], run.stdout)
            report["asOf"] = nil  // the moment each command ran
            return report
        }
        let libraries = try ProcessRunner.run(binary, ["libraries", "list", "--archive", archive.path, "--json"])
        XCTAssertTrue(libraries.stdout.contains("\"LCH\""), libraries.stdout)
        let librariesThere = try ProcessRunner.run(
            binary, ["libraries", "list", "--archive", archive.path, "--json", "--catalog", catalog])
        XCTAssertEqual(librariesThere.exitCode, 0, librariesThere.stderr)
        XCTAssertEqual(librariesThere.stdout, libraries.stdout, "sohoa libraries list on PostgreSQL prints what it prints on SQLite")

        let onSQLite = try progress([:])
        XCTAssertEqual(try progress(["SOHOA_CATALOG": catalog]), onSQLite, "sohoa progress on PostgreSQL prints what it prints on SQLite")
        XCTAssertNotNil(onSQLite["goals"])

        try checkSearchOnPostgres(archive: archive, catalog: catalog)
    }

    /// A copy takes the archive's run lock: it never reads a catalog a run is writing, and `--replace`
    /// never wipes one under a run. Needs no PostgreSQL: the lock is taken before either side is opened.
    func testAnArchiveARunIsUsingIsNotCopied() throws {
        let folder = try TemporaryFolder("sohoa-pg-lock")
        let archive = folder.archive
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        _ = try folder.file("archive/0=ocfl_1.1", "ocfl_1.1\n")
        _ = try Catalog(url: archive.appendingPathComponent(Catalog.fileName))
        let unreachable = "postgresql://sohoa:x@127.0.0.1:1/sohoa"
        for arguments in [["--from", archive.path, "--to", unreachable], ["--from", unreachable, "--to", archive.path, "--replace"]] {
            let busy = try withExtendedLifetime(RunLock.acquire(archive: archive, batch: "lock-test-run")) {
                try ProcessRunner.run(Self.binary, ["catalog", "copy"] + arguments)
            }
            XCTAssertEqual(busy.exitCode, 3, busy.stderr)
            XCTAssertTrue(busy.stderr.contains("batch lock-test-run"), "names the run holding the archive: \(busy.stderr)")
            XCTAssertFalse(busy.stderr.contains("127.0.0.1:1"), "nothing opened while the archive is busy: \(busy.stderr)")
        }
        // Lock released: the copy goes on (and meets the server that is not there).
        let free = try ProcessRunner.run(Self.binary, ["catalog", "copy", "--from", archive.path, "--to", unreachable])
        XCTAssertEqual(free.exitCode, 3, free.stderr)
        XCTAssertTrue(free.stderr.contains("không kết nối được máy chủ PostgreSQL"), free.stderr)
    }
}
