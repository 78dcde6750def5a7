import Foundation
import SohoaTesting
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// A district station and the provincial server as two processes (issue 15): `sohoa login` keeps a
/// 0600 token; `sohoa submit` sends a batch through a proxy that cuts the connection three times
/// mid-upload and resends at most one chunk per cut; the server, killed while it runs the batch and
/// started again, archives every item once under the batch's library code; the district's archivist,
/// signed in over HTTP, finds the pages in her review queue, and another district's archivist gets
/// 404 for them; the archive is valid OCFL and the inbox is emptied.
final class SubmissionEndToEndTests: XCTestCase {
    static let password = "mật khẩu trạm Than Uyên"
    static let chunk = 65_536

    /// Two items of SampleScans as a district station has them: their own metadata names the provincial
    /// library (or none); the submitting account's library decides.
    func districtBatch(in folder: URL) throws -> URL {
        let batch = folder.appendingPathComponent("lo-than-uyen")
        try FileManager.default.createDirectory(at: batch, withIntermediateDirectories: true)
        for item in ["bao-lai-chau-1998", "dia-chi-lai-chau"] {
            try FileManager.default.copyItem(
                at: Sohoa.packageRoot.appendingPathComponent("SampleScans").appendingPathComponent(item),
                to: batch.appendingPathComponent(item))
        }
        try Data("item,title\nbao-lai-chau-1998,Báo Lai Châu 1998\ndia-chi-lai-chau,Địa chí Lai Châu\n".utf8)
            .write(to: batch.appendingPathComponent("items.csv"))
        return batch
    }

    /// An archive with one item run locally (a server needs an archive), a scanner account, and
    /// server.yaml sending submitted batches through the image-only pipeline.
    func provincialArchive(in folder: URL) throws -> URL {
        let seed = folder.appendingPathComponent("seed/mot-trang")
        try FileManager.default.createDirectory(at: seed, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Sohoa.packageRoot.appendingPathComponent("SampleScans/bao-lai-chau-1998/trang-3.png"),
            to: seed.appendingPathComponent("trang-3.png"))
        let archive = folder.appendingPathComponent("archive")
        let run = try Sohoa.run([
            "run", seed.deletingLastPathComponent().path, "--archive", archive.path, "--pipeline", "Pipelines/image-only.yaml",
            "--library", "LCH", "--json",
        ])
        XCTAssertEqual(run.exitCode, 0, run.stderr)
        let pipeline = Sohoa.packageRoot.appendingPathComponent("Pipelines/image-only.yaml").path
        try Data("submissions:\n  pipeline: \(pipeline)\n".utf8).write(to: archive.appendingPathComponent("server.yaml"))
        let library = try Sohoa.run(
            ["libraries", "add", "TUY", "Thư viện huyện Than Uyên", "--district", "Than Uyên", "--archive", archive.path])
        XCTAssertEqual(library.exitCode, 0, library.stderr)
        let user = try Sohoa.runWithInput(
            ["users", "add", "tuy", "--role", "scanner", "--library", "TUY", "--password-stdin", "--archive", archive.path],
            input: Self.password + "\n",
            environment: ["SOHOA_BCRYPT_COST": "4"])
        XCTAssertEqual(user.exitCode, 0, user.stderr)
        // The archivists of this district and of another one.
        let other = try Sohoa.run(["libraries", "add", "MTE", "Thư viện huyện Mường Tè", "--archive", archive.path])
        XCTAssertEqual(other.exitCode, 0, other.stderr)
        for (name, code) in [("lan.tuy", "TUY"), ("hoa.mte", "MTE")] {
            let archivist = try Sohoa.runWithInput(
                ["users", "add", name, "--role", "archivist", "--library", code, "--password-stdin", "--archive", archive.path],
                input: Self.password + "\n", environment: ["SOHOA_BCRYPT_COST": "4"])
            XCTAssertEqual(archivist.exitCode, 0, archivist.stderr)
        }
        return archive
    }

    /// The cutting proxy in front of `port`, and the file its counts are in.
    func proxy(to port: Int, cutEvery: Int, cuts: Int, in folder: URL) throws -> (Process, port: Int, stats: URL) {
        let portFile = folder.appendingPathComponent("proxy-port")
        let stats = folder.appendingPathComponent("proxy-stats.json")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", Sohoa.packageRoot.appendingPathComponent("Tests/Network/cutting_proxy.py").path, String(port), String(cutEvery),
            String(cuts), portFile.path, stats.path,
        ]
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if let text = try? String(contentsOf: portFile, encoding: .utf8), let port = Int(text) { return (process, port, stats) }
            Thread.sleep(forTimeInterval: 0.1)
        }
        process.terminate()
        throw XCTSkip("the test proxy (python3) did not start")
    }

    func json(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    func testABatchWithProblemsIsRefusedOnTheStationWithEveryProblemNamed() throws {
        let folder = try temporaryFolder("sohoa-submit-check", removedAfter: self)
        let batch = folder.appendingPathComponent("lo-loi")
        try FileManager.default.createDirectory(at: batch.appendingPathComponent("sach/ghi-chu"), withIntermediateDirectories: true)
        try Data("không phải ảnh".utf8).write(to: batch.appendingPathComponent("sach/trang-1.tif"))
        let cache = folder.appendingPathComponent("cache")
        let result = try Sohoa.run(
            ["submit", "http://127.0.0.1:9", batch.path], environment: ["XDG_CACHE_HOME": cache.path, "XDG_CONFIG_HOME": cache.path])
        XCTAssertEqual(result.exitCode, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("nothing was sent"), result.stderr)
        XCTAssertTrue(result.stderr.contains("sach/trang-1.tif"), "the file that is not a scan is named: \(result.stderr)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: cache.path), "nothing packed, no token asked for")
    }

    func testADistrictBatchArrivesThroughCutsAndSurvivesAServerKill() throws {
        let folder = try temporaryFolder("sohoa-submit-e2e", removedAfter: self)
        let archive = try provincialArchive(in: folder)
        let batch = try districtBatch(in: folder)
        let station = [
            "XDG_CONFIG_HOME": folder.appendingPathComponent("station-config").path,
            "XDG_CACHE_HOME": folder.appendingPathComponent("station-cache").path,
        ]

        var server = try ServerProcess(archive: archive)
        defer { server.stop() }
        let (proxy, proxyPort, stats) = try proxy(to: server.port, cutEvery: 400_000, cuts: 3, in: folder)
        defer { proxy.terminate() }
        let through = "http://127.0.0.1:\(proxyPort)"

        let login = try Sohoa.runWithInput(
            ["login", through, "--user", "tuy", "--password-stdin"], input: Self.password + "\n", environment: station)
        XCTAssertEqual(login.exitCode, 0, login.stderr)
        let tokens = folder.appendingPathComponent("station-config/sohoa/tokens.json")
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: tokens.path)[.posixPermissions] as? Int)
        XCTAssertEqual(mode & 0o777, 0o600, "the token file is readable by its owner only")

        let sent = try Sohoa.run(["submit", through, batch.path, "--json", "--chunk-size", String(Self.chunk)], environment: station)
        XCTAssertEqual(sent.exitCode, 0, sent.stderr)
        let report = json(sent.stdout)
        let submission = try XCTUnwrap(report["submission"] as? [String: Any], sent.stdout)
        let size = try XCTUnwrap(submission["size"] as? Int)
        let bytesSent = try XCTUnwrap(report["bytesSent"] as? Int)
        let cuts = try XCTUnwrap(json(try String(contentsOf: stats, encoding: .utf8))["cuts"] as? Int)
        XCTAssertEqual(cuts, 3, "the proxy cut the upload three times")
        XCTAssertLessThanOrEqual(bytesSent - size, cuts * Self.chunk, "at most one chunk sent again per cut")
        print("submit e2e: \(size) bytes, \(bytesSent) sent (\(bytesSent - size) again) over \(cuts) cuts, chunk \(Self.chunk)")
        XCTAssertTrue(["verified", "queued", "running", "archived"].contains(submission["state"] as? String ?? ""), sent.stdout)

        // Killed while it runs the batch: the next start queues it again and the pipeline resumes.
        let deadline = Date().addingTimeInterval(300)
        var killedRunning = false
        while Date() < deadline {
            let list = try Sohoa.run(["submissions", through, "--json"], environment: station)
            let first = ((try? JSONSerialization.jsonObject(with: Data(list.stdout.utf8))) as? [[String: Any]])?.first ?? [:]
            if first["state"] as? String == "archived" { break }
            if first["state"] as? String == "running", (first["pagesDone"] as? Int ?? 0) >= 1 {
                kill(server.process.processIdentifier, SIGKILL)
                server.process.waitUntilExit()
                killedRunning = true
                break
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTAssertTrue(killedRunning, "the server was killed while the batch ran")
        server = try ServerProcess(archive: archive)
        let again = try Sohoa.runWithInput(
            ["login", server.base, "--user", "tuy", "--password-stdin"], input: Self.password + "\n", environment: station)
        XCTAssertEqual(again.exitCode, 0, again.stderr)
        let waited = try Sohoa.run(["submit", server.base, batch.path, "--wait", "--json"], environment: station)
        XCTAssertEqual(waited.exitCode, 0, "submit --wait ends archived:\n\(waited.stdout)\n\(waited.stderr)\n\(server.output)")
        let final = try XCTUnwrap(json(waited.stdout)["submission"] as? [String: Any], waited.stdout)
        XCTAssertEqual(final["state"] as? String, "archived")
        XCTAssertEqual(final["id"] as? Int, submission["id"] as? Int, "the same submission, not a second upload")
        XCTAssertEqual(json(waited.stdout)["bytesSent"] as? Int, 0, "nothing was sent again")

        // Over HTTP: the district's archivist finds the OCRed pages in her review queue and opens
        // them; another district's archivist sees none of them and gets 404 for each.
        let archivist = WebSession(port: server.port)
        try archivist.signIn("lan.tuy", password: Self.password)
        let queue = try archivist.get("/review")
        XCTAssertEqual(queue.status, 200, queue.body)
        let pages = queue.body.components(separatedBy: "href=\"/review/").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
        let first = try XCTUnwrap(pages.first, "no page in the district archivist's review queue:\n\(queue.body)")
        XCTAssertTrue(queue.body.contains("Địa chí Lai Châu"), "the submitted item is in the queue")
        let opened = try archivist.get("/review/\(first)")
        XCTAssertEqual(opened.status, 200)
        let elsewhere = WebSession(port: server.port)
        try elsewhere.signIn("hoa.mte", password: Self.password)
        let theirQueue = try elsewhere.get("/review")
        XCTAssertEqual(theirQueue.status, 200)
        XCTAssertFalse(theirQueue.body.contains("Địa chí Lai Châu"), "another district's queue does not list the item")
        for page in Set(pages) {
            let refused = try elsewhere.get("/review/\(page)")
            XCTAssertEqual(refused.status, 404, "page \(page) for another district's archivist")
            XCTAssertFalse(refused.body.contains("Địa chí"), "the 404 does not name the item")
        }
        XCTAssertEqual(try elsewhere.get("/items/dia-chi-lai-chau/metadata").status, 404)
        XCTAssertEqual(try archivist.get("/items/dia-chi-lai-chau/metadata").status, 200)

        // Every item once, under the district's code; the inbox is empty; the archive is valid.
        let objects = files(under: archive, endingWith: "inventory.json").filter {
            let parent = $0.deletingLastPathComponent().lastPathComponent
            return !$0.path.contains("/extensions/") && !(parent.hasPrefix("v") && Int(parent.dropFirst()) != nil)
        }
        XCTAssertEqual(objects.count, 3, "the seed item and the two submitted ones: \(objects.map(\.path))")
        var ids: [String] = []
        for inventory in objects {
            let object = json(try String(contentsOf: inventory, encoding: .utf8))
            XCTAssertEqual(object["head"] as? String, "v1", "archived once: \(inventory.path)")
            ids.append(object["id"] as? String ?? "")
        }
        XCTAssertEqual(
            ids.sorted(), ["urn:sohoa:LCH:mot-trang", "urn:sohoa:TUY:bao-lai-chau-1998", "urn:sohoa:TUY:dia-chi-lai-chau"])
        let inbox = archive.appendingPathComponent("extensions/sohoa-inbox")
        XCTAssertEqual((try? FileManager.default.contentsOfDirectory(atPath: inbox.path)) ?? [], [], "the inbox is emptied")
        let status = try Sohoa.run(["status", "--archive", archive.path, "--json"])
        XCTAssertEqual(json(status.stdout)["itemCount"] as? Int, 3, status.stdout)
        let district = try Sohoa.run(["status", "--library", "TUY", "--archive", archive.path, "--json"])
        XCTAssertEqual(json(district.stdout)["itemCount"] as? Int, 2, "the district's status counts its two items:\n\(district.stdout)")
        try SharedChecks.assertValid("validate-ocfl", [archive.path])
    }
}
