import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SohoaArchive
import SohoaCatalog
import SohoaSharing
import SohoaTesting
import XCTest

@testable import SohoaServer

/// The submission protocol through the real router: tokens, chunks written only where the upload
/// stands and only when their hash matches, and the service's intake refusing a damaged upload or an
/// incomplete bag with every problem named, ingesting nothing.
final class SubmissionRoutesTests: XCTestCase {
    static let password = "mật khẩu trạm huyện"

    func services(_ configure: (inout ServerOptions) -> Void = { _ in }) throws -> ServerServices {
        let services = try makeServices(archive: try temporaryArchive(self), configure: configure)
        try addTestUser(services, name: "tuy", role: .scanner, password: Self.password)
        try addTestUser(services, name: "tdg", role: .archivist, password: Self.password)
        try addTestUser(services, name: "boss", role: .manager, password: Self.password)
        return services
    }

    func app(_ services: ServerServices) -> some ApplicationProtocol {
        Application(router: SohoaServerApp.router(services: services))
    }

    static func json(_ value: some Encodable) throws -> ByteBuffer {
        ByteBuffer(bytes: try JSONEncoder.submission.encode(value))
    }

    static func decode<T: Decodable>(
        _ type: T.Type, _ response: TestResponse, file: StaticString = #filePath, line: UInt = #line
    ) throws -> T {
        do {
            return try JSONDecoder.submission.decode(type, from: Data(response.body.readableBytesView))
        } catch {
            XCTFail("\(response.status): \(String(buffer: response.body))", file: file, line: line)
            throw error
        }
    }

    static func login(_ client: some TestClientProtocol, _ name: String) async throws -> HTTPFields {
        let response = try await client.execute(
            uri: SubmissionAPI.loginPath, method: .post, headers: [.contentType: "application/json"],
            body: try Self.json(LoginRequest(name: name, password: Self.password)))
        XCTAssertEqual(response.status, .ok, String(buffer: response.body))
        let token = try Self.decode(LoginResponse.self, response).token
        return [.authorization: "Bearer \(token)", .contentType: "application/json"]
    }

    static func open(_ client: some TestClientProtocol, _ auth: HTTPFields, _ data: Data, chunk: Int64 = 4) async throws -> TestResponse {
        let request = SubmissionRequest(name: "lô-thử", size: Int64(data.count), sha256: Self.sha(data), chunkSize: chunk)
        return try await client.execute(uri: SubmissionAPI.submissionsPath, method: .post, headers: auth, body: try Self.json(request))
    }

    static func put(
        _ client: some TestClientProtocol, _ auth: HTTPFields, _ id: Int64, at offset: Int64, _ chunk: Data, hash: String? = nil
    )
        async throws -> TestResponse
    {
        var headers = auth
        headers[SubmissionAPI.chunkHashField] = hash ?? Self.sha(chunk)
        return try await client.execute(
            uri: SubmissionAPI.dataPath(id, offset: offset), method: .put, headers: headers, body: ByteBuffer(bytes: chunk))
    }

    static func sha(_ data: Data) -> String { SubmissionAPI.sha256(data) }

    func testLoginGivesATokenWhoseHashAloneIsKept() async throws {
        let services = try services()
        try await app(services).test(.router) { client in
            let none = try await client.execute(uri: SubmissionAPI.submissionsPath, method: .get)
            XCTAssertEqual(none.status, .unauthorized)
            XCTAssertTrue(String(buffer: none.body).contains("sohoa login"))
            let wrong = try await client.execute(
                uri: SubmissionAPI.loginPath, method: .post, headers: [.contentType: "application/json"],
                body: try Self.json(LoginRequest(name: "tuy", password: "sai mật khẩu")))
            XCTAssertEqual(wrong.status, .unauthorized)
            let auth = try await Self.login(client, "tuy")
            let token = String(try XCTUnwrap(auth[.authorization]).dropFirst("Bearer ".count))
            XCTAssertNotNil(try services.catalog.apiTokenUser(tokenHash: SessionToken.hash(token)))
            XCTAssertNil(try services.catalog.apiTokenUser(tokenHash: token), "the token itself is not stored")
            let list = try await client.execute(uri: SubmissionAPI.submissionsPath, method: .get, headers: auth)
            XCTAssertEqual(list.status, .ok)
            XCTAssertEqual(try Self.decode([SubmissionStatus].self, list), [])
            let manager = try await Self.open(client, try await Self.login(client, "boss"), Data("abc".utf8))
            XCTAssertEqual(manager.status, .forbidden, "managers do not submit")
        }
    }

    func testAChunkIsWrittenOnlyWhereTheUploadStandsAndOnlyWhenItsHashMatches() async throws {
        let services = try services()
        let data = Data("0123456789".utf8)
        try await app(services).test(.router) { client in
            let auth = try await Self.login(client, "tuy")
            let created = try await Self.open(client, auth, data)
            XCTAssertEqual(created.status, .created, String(buffer: created.body))
            let id = try Self.decode(SubmissionStatus.self, created).id

            var flipped = data.prefix(4)
            flipped[flipped.startIndex] ^= 0x01
            let damaged = try await Self.put(client, auth, id, at: 0, Data(flipped), hash: Self.sha(data.prefix(4)))
            XCTAssertEqual(damaged.status, .badRequest)
            XCTAssertTrue(
                String(buffer: damaged.body).contains("the chunk at offset 0 (bytes 0–3) arrived damaged"), String(buffer: damaged.body))
            XCTAssertEqual(try services.catalog.submission(id: id)?.receivedBytes, 0, "nothing appended")
            XCTAssertFalse(FileManager.default.fileExists(atPath: services.submissionInbox.upload(id).path))

            let answer1 = try await Self.put(client, auth, id, at: 0, data.prefix(4))
            XCTAssertEqual(answer1.status, .ok, String(buffer: answer1.body))
            let elsewhere = try await Self.put(client, auth, id, at: 0, data.prefix(4))
            XCTAssertEqual(elsewhere.status, .conflict, "a chunk sent twice is not appended twice")
            XCTAssertTrue(String(buffer: elsewhere.body).contains("offset 4"))
            let answer2 = try await Self.put(client, auth, id, at: 4, data[4..<8])
            XCTAssertEqual(answer2.status, .ok, String(buffer: answer2.body))

            let again = try await Self.open(client, auth, data)
            XCTAssertEqual(again.status, .ok, "the same tar from the same user: the same submission")
            XCTAssertEqual(try Self.decode(SubmissionStatus.self, again).id, id)
            XCTAssertEqual(try Self.decode(SubmissionStatus.self, again).receivedBytes, 8, "it resumes where it stopped")

            let other = try await Self.login(client, "tdg")
            let foreign = try await client.execute(uri: SubmissionAPI.submissionPath(id), method: .get, headers: other)
            XCTAssertEqual(foreign.status, .notFound, "another user's submission is not there for them")

            let early = try await client.execute(uri: SubmissionAPI.completePath(id), method: .post, headers: auth)
            XCTAssertEqual(early.status, .conflict)
            let answer3 = try await Self.put(client, auth, id, at: 8, data[8...])
            XCTAssertEqual(answer3.status, .ok, String(buffer: answer3.body))
            let done = try await client.execute(uri: SubmissionAPI.completePath(id), method: .post, headers: auth)
            XCTAssertEqual(done.status, .accepted)
            XCTAssertEqual(try Self.decode(SubmissionStatus.self, done).state, "received")
            XCTAssertEqual(try Data(contentsOf: services.submissionInbox.upload(id)), data)
        }
    }

    func testSizesQuotasAndAFullDiskAreRefusedPlainly() async throws {
        let services = try services {
            $0.submissions.maximumSize = 100
            $0.submissions.userQuota = 150
        }
        try await app(services).test(.router) { client in
            let auth = try await Self.login(client, "tuy")
            let big = try await Self.open(client, auth, Data(count: 101))
            XCTAssertEqual(big.status, .contentTooLarge)
            XCTAssertTrue(String(buffer: big.body).contains("split it"), String(buffer: big.body))
            let answer4 = try await Self.open(client, auth, Data(count: 100))
            XCTAssertEqual(answer4.status, .created, String(buffer: answer4.body))
            let over = try await Self.open(client, auth, Data(repeating: 1, count: 60))
            XCTAssertEqual(over.status.code, 507)
            XCTAssertTrue(String(buffer: over.body).contains("quota"), String(buffer: over.body))
        }
        let full = try self.services { $0.submissions.freeMargin = Int64.max / 4 }
        try await app(full).test(.router) { client in
            let refused = try await Self.open(client, try await Self.login(client, "tuy"), Data(count: 10))
            XCTAssertEqual(refused.status.code, 507)
            XCTAssertTrue(String(buffer: refused.body).contains("disk"), String(buffer: refused.body))
        }
    }

    /// Uploads `tar` whole through the router and completes it; returns the submission's id.
    func upload(_ services: ServerServices, _ tar: Data, announced: String? = nil) async throws -> Int64 {
        try await app(services).test(.router) { client in
            let auth = try await Self.login(client, "tuy")
            let request = SubmissionRequest(name: "lô", size: Int64(tar.count), sha256: announced ?? Self.sha(tar), chunkSize: 1 << 20)
            let created = try await client.execute(
                uri: SubmissionAPI.submissionsPath, method: .post, headers: auth, body: try Self.json(request))
            let id = try Self.decode(SubmissionStatus.self, created).id
            let answer5 = try await Self.put(client, auth, id, at: 0, tar)
            XCTAssertEqual(answer5.status, .ok, String(buffer: answer5.body))
            let answer6 = try await client.execute(uri: SubmissionAPI.completePath(id), method: .post, headers: auth)
            XCTAssertEqual(answer6.status, .accepted, String(buffer: answer6.body))
            return id
        }
    }

    /// A tar of a bag of a one-item batch; `damage` may change the bag before it is packed.
    func bagTar(damage: (URL) throws -> Void = { _ in }) throws -> Data {
        let work = try temporaryFolder("sohoa-submission-bag", removedAfter: self)
        let page = work.appendingPathComponent("trang-1.png")
        try Data(repeating: 7, count: 100).write(to: page)
        let bag = work.appendingPathComponent("bag")
        try BagWriter.write(payload: ["dia-chi/trang-1.png": page, "items.csv": page], info: [], to: bag)
        try damage(bag)
        let tar = work.appendingPathComponent("bag.tar")
        try TarWriter.write(folder: bag, to: tar)
        return try Data(contentsOf: tar)
    }

    func service(_ services: ServerServices, runner: any SubmittedBatchRunner = RefusingRunner()) -> SubmissionService {
        SubmissionService(services: services, inbox: services.submissionInbox, runner: runner)
    }

    func testABagWithAMissingFileIsRefusedWithTheProblemNamedAndNothingIngested() async throws {
        let services = try services()
        let tar = try bagTar { bag in try FileManager.default.removeItem(at: bag.appendingPathComponent("data/dia-chi/trang-1.png")) }
        let id = try await upload(services, tar)
        let worked = try await service(services).intake()
        XCTAssertTrue(worked)
        let refused = try XCTUnwrap(try services.catalog.submission(id: id))
        XCTAssertEqual(refused.state, .failed)
        XCTAssertTrue(
            refused.problems.contains("data/dia-chi/trang-1.png is listed in manifest-sha512.txt but missing"), "\(refused.problems)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: services.submissionInbox.submissionFolder(id).path), "inbox emptied")
        XCTAssertEqual(try services.catalog.status().itemCount, 0, "nothing ingested")
        let more = try await service(services).intake()
        XCTAssertFalse(more, "nothing more to check")
        try assertArchiveUntouched(services)
    }

    /// The archive holds no object and is valid OCFL (`validate-ocfl`, when ../shared has it).
    func assertArchiveUntouched(_ services: ServerServices, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try services.catalog.status().itemCount, 0, "the catalog lists no item", file: file, line: line)
        let objects = files(under: services.options.archive, endingWith: "0=ocfl_object_1.1")
        XCTAssertEqual(objects, [], "no object was written", file: file, line: line)
        if (try? SharedChecks.tool("validate-ocfl")) != nil {
            try SharedChecks.assertValid("validate-ocfl", [services.options.archive.path], file: file, line: line)
        }
    }

    func testAnUploadDamagedOnTheWayIsRefusedByItsWholeHash() async throws {
        let services = try services()
        let tar = try bagTar()
        var announced = Data(tar)
        announced[700] ^= 0x01
        let id = try await upload(services, tar, announced: Self.sha(announced))
        _ = try await service(services).intake()
        let refused = try XCTUnwrap(try services.catalog.submission(id: id))
        XCTAssertEqual(refused.state, .failed)
        XCTAssertTrue(refused.problems.joined().contains("damaged on the way"), "\(refused.problems)")
        try assertArchiveUntouched(services)
    }

    func testAVerifiedBagIsQueuedRunAndRemovedFromTheInbox() async throws {
        let services = try services()
        let id = try await upload(services, try bagTar())
        _ = try await service(services).intake()
        XCTAssertEqual(try services.catalog.submission(id: id)?.state, .queued)

        let stopping = RecordingRunner(result: .stopped)
        _ = try await service(services, runner: stopping).runNext(SubmissionStop())
        XCTAssertEqual(try services.catalog.submission(id: id)?.state, .queued, "a stopped run waits for the next start")
        XCTAssertEqual(
            stopping.batches.first?.folder.path, services.submissionInbox.bag(id).appendingPathComponent("data").path,
            "the pipeline runs on the bag's payload")
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: services.submissionInbox.bag(id).appendingPathComponent("data/items.csv").path))

        var waiting = service(services, runner: RecordingRunner(result: .busy("the archive is in use by another run")))
        waiting.busyPause = .zero
        _ = try await waiting.runNext(SubmissionStop())
        XCTAssertEqual(try services.catalog.submission(id: id)?.state, .queued, "another run holds the archive: it waits, not fails")

        let done = SubmittedBatchProgress(pagesDone: 1, pagesTotal: 1, pagesFailed: 0, itemsArchived: 1)
        _ = try await service(services, runner: RecordingRunner(result: .archived(done))).runNext(SubmissionStop())
        let archived = try XCTUnwrap(try services.catalog.submission(id: id))
        XCTAssertEqual(archived.state, .archived)
        XCTAssertEqual(archived.itemsArchived, 1)
        XCTAssertNotNil(archived.finishedAt)
        XCTAssertFalse(FileManager.default.fileExists(atPath: services.submissionInbox.submissionFolder(id).path), "inbox emptied")
    }

    func testTheStatusPageShowsTheSignedInUsersOwnSubmissions() async throws {
        let services = try services()
        let id = try await upload(
            services, try bagTar { bag in try FileManager.default.removeItem(at: bag.appendingPathComponent("data/items.csv")) })
        _ = try await service(services).intake()
        try await app(services).test(.router) { client in
            let (cookie, _) = try await signIn(client, name: "tuy", password: Self.password)
            let page = try await client.execute(uri: "/submissions", method: .get, headers: [.cookie: cookie])
            XCTAssertEqual(page.status, .ok)
            let html = String(buffer: page.body)
            XCTAssertTrue(html.contains("#\(id)") && html.contains("bị từ chối / lỗi"), html)
            XCTAssertTrue(html.contains("data/items.csv is listed in manifest-sha512.txt but missing"), html)
            let sent = String(
                buffer: try await client.execute(uri: "/submissions?sent=\(id)", method: .get, headers: [.cookie: cookie]).body)
            XCTAssertTrue(sent.contains("Máy chủ đã nhận lô #\(id)"), sent)
            let unknown = String(
                buffer: try await client.execute(uri: "/submissions?sent=\(id + 1000)", method: .get, headers: [.cookie: cookie]).body)
            XCTAssertFalse(unknown.contains("Máy chủ đã nhận lô"), "no notice for a batch that is not listed: \(unknown)")
            let (other, _) = try await signIn(client, name: "tdg", password: Self.password)
            let answer = try await client.execute(uri: "/submissions?sent=\(id)", method: .get, headers: [.cookie: other])
            let theirs = String(buffer: answer.body)
            XCTAssertFalse(theirs.contains("#\(id)"), "another user's submissions are not listed, nor named in a notice")
            let (manager, _) = try await signIn(client, name: "boss", password: Self.password)
            let refused = try await client.execute(uri: "/submissions", method: .get, headers: [.cookie: manager])
            XCTAssertEqual(refused.status, .forbidden, "managers do not submit")
        }
    }

    func testASubmissionLeftRunningIsQueuedAgainAtStart() async throws {
        let services = try services()
        let id = try await upload(services, try bagTar())
        _ = try await service(services).intake()
        try services.catalog.setSubmissionState(id: id, .running)
        try service(services).recover()
        XCTAssertEqual(try services.catalog.submission(id: id)?.state, .queued)
    }
}

/// A runner for tests that must not run anything.
struct RefusingRunner: SubmittedBatchRunner {
    func run(
        _ batch: SubmittedBatch, progress: @escaping @Sendable (SubmittedBatchProgress) -> Void, stop: SubmissionStop
    ) -> SubmittedBatchResult {
        XCTFail("no batch should run")
        return .failed(nil, ["refused"])
    }
}

/// A runner that notes the batches it is given and ends each with `result`.
final class RecordingRunner: SubmittedBatchRunner, @unchecked Sendable {
    let result: SubmittedBatchResult
    private let lock = NSLock()
    private var seen: [SubmittedBatch] = []

    init(result: SubmittedBatchResult) {
        self.result = result
    }

    var batches: [SubmittedBatch] { lock.withLock { seen } }

    func run(
        _ batch: SubmittedBatch, progress: @escaping @Sendable (SubmittedBatchProgress) -> Void, stop: SubmissionStop
    ) -> SubmittedBatchResult {
        lock.withLock { seen.append(batch) }
        return result
    }
}
