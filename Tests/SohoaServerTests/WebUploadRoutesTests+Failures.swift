import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import SohoaCatalog
import SohoaSharing
import SohoaTesting
import XCTest

@testable import SohoaServer

/// The web upload's failures told apart: a quota two uploads reach together, the protocol's requests
/// on a web upload's id, a body that breaks off against a catalog that fails or an upload that ended
/// meanwhile, a disk that cannot make a folder.
extension WebUploadRoutesTests {
    func testTwoUploadsTogetherCannotBothTakeTheLastRoomOfAQuota() async throws {
        let services = try services {
            $0.submissions.userQuota = 1000
            $0.submissions.totalQuota = 1500
        }
        try addTestUser(services, name: "tdg", role: .archivist, password: Self.password)
        let tuy = try XCTUnwrap(try services.catalog.user(name: "tuy")?.id)
        let tdg = try XCTUnwrap(try services.catalog.user(name: "tdg")?.id)
        @Sendable func record(_ userID: Int64, _ size: Int64, _ hash: String) -> SubmissionRecord {
            SubmissionRecord(userID: userID, name: "lô", size: size, sha256: String(repeating: hash, count: 32), chunkSize: size)
        }
        let inbox = services.submissionInbox
        // Both fit what is checked before a body is read...
        XCTAssertNil(SubmissionAdmission.check(size: 600, services: services, inbox: inbox))
        // ...but the quota is compared where the submission is made: of two that pass it together, one is refused.
        let first = try SubmissionAdmission.open(record(tuy, 600, "a1"), services: services, inbox: inbox)
        XCTAssertEqual(try first.get().created, true)
        let second = try SubmissionAdmission.open(record(tuy, 600, "b2"), services: services, inbox: inbox)
        guard case .failure(let refusal) = second else { return XCTFail("both were taken: \(second)") }
        XCTAssertEqual(refusal.status.code, 507)
        XCTAssertTrue(refusal.problem.en.contains("your quota of 1 MB") && refusal.problem.vi.contains("vượt hạn mức"), "\(refusal)")
        let again = try SubmissionAdmission.open(record(tuy, 600, "a1"), services: services, inbox: inbox)
        XCTAssertEqual(try again.get().created, false, "the same upload sent again resumes")
        // Everybody's quota: 600 + 600 fit 1500, 400 more do not.
        XCTAssertEqual(try SubmissionAdmission.open(record(tdg, 600, "c3"), services: services, inbox: inbox).get().created, true)
        guard case .failure(let full) = try SubmissionAdmission.open(record(tdg, 400, "d4"), services: services, inbox: inbox) else {
            return XCTFail("the inbox's quota was passed")
        }
        XCTAssertTrue(full.problem.en.contains("the server's inbox is full"), "\(full)")
        XCTAssertEqual(try services.catalog.inboxBytes(userID: tuy).total, 1200)

        // Many at once, each alone within the quota: exactly one of the other user's fits the 300 bytes left.
        let taken = try await withThrowingTaskGroup(of: Bool.self) { group in
            for n in 0..<6 {
                group.addTask {
                    let opened = try SubmissionAdmission.open(record(tdg, 300, "e\(n)"), services: services, inbox: inbox)
                    return (try? opened.get().created) == true
                }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        XCTAssertEqual(taken, 1)
        XCTAssertEqual(try services.catalog.inboxBytes(userID: tuy).total, 1500)
    }

    func testTheProtocolCannotWriteToOrCompleteAWebUpload() async throws {
        let services = try services()
        let user = try XCTUnwrap(try services.catalog.user(name: "tuy"))
        let chunk = Data("0123456789".utf8)
        var record = SubmissionRecord(
            userID: try XCTUnwrap(user.id), name: "lô", size: Int64(chunk.count), sha256: SubmissionAPI.sha256(chunk), chunkSize: 10)
        record = try services.catalog.openSubmission(record).submission
        let id = try XCTUnwrap(record.id)
        try FileManager.default.createDirectory(at: services.submissionInbox.files(id), withIntermediateDirectories: true)
        try await app(services).test(.router) { client in
            let auth = try await SubmissionRoutesTests.login(client, "tuy")
            let put = try await SubmissionRoutesTests.put(client, auth, id, at: 0, chunk)
            XCTAssertEqual(put.status, .conflict, String(buffer: put.body))
            XCTAssertTrue(String(buffer: put.body).contains("web upload form"), String(buffer: put.body))
            let complete = try await client.execute(uri: SubmissionAPI.completePath(id), method: .post, headers: auth)
            XCTAssertEqual(complete.status, .conflict, String(buffer: complete.body))
            XCTAssertTrue(String(buffer: complete.body).contains("web upload form"), String(buffer: complete.body))
        }
        let after = try XCTUnwrap(try services.catalog.submission(id: id))
        XCTAssertEqual(after.state, .uploading)
        XCTAssertEqual(after.receivedBytes, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: services.submissionInbox.upload(id).path), "no tar beside its files")
    }

    /// A body in pieces of 100 bytes that breaks off after `breaking` pieces, if given.
    static func stream(_ data: Data, breaking: Int? = nil) -> AsyncThrowingStream<ByteBuffer, any Error> {
        AsyncThrowingStream { continuation in
            for (n, start) in stride(from: 0, to: data.count, by: 100).enumerated() {
                if n == breaking { return continuation.finish(throwing: CancellationError()) }
                continuation.yield(ByteBuffer(bytes: data[start..<min(data.count, start + 100)]))
            }
            continuation.finish()
        }
    }

    func testOnlyTheBodysOwnErrorIsACutOffAndAnEndedUploadStopsTheReading() async throws {
        let folder = try temporaryFolder("sohoa-web-upload-reading", removedAfter: self)
        var body = MultipartBody()
        body.field("_csrf", "token")
        body.file("files", "lô/a/1.png", Self.page)
        let data = body.finished()
        var made = 0
        func receiver() -> WebUploadReceiver {
            WebUploadReceiver(boundary: MultipartBody.boundary, csrfToken: "token", limit: Int64(data.count)) { _ in
                made += 1
                let target = folder.appendingPathComponent("\(made)")
                try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
                return target
            }
        }
        var notes: [(Int64, Int64)] = []
        let whole = receiver()
        let read = try await WebUploadRoutes.read(Self.stream(data), into: whole, step: 1000) { from, to in
            notes.append((from, to))
            return true
        }
        XCTAssertEqual(read, .read)
        XCTAssertEqual(whole.bytes, Int64(data.count))
        XCTAssertEqual(notes.map(\.0), [0, 1000, 2000], "progress noted from where it stood")

        let broken = try await WebUploadRoutes.read(Self.stream(data, breaking: 3), into: receiver()) { _, _ in true }
        XCTAssertEqual(broken, .cutOff)

        let failing = CatalogError(kind: .locked, file: folder.appendingPathComponent("catalog.sqlite"), message: "locked")
        do {
            _ = try await WebUploadRoutes.read(Self.stream(data), into: receiver(), step: 1) { _, _ in throw failing }
            XCTFail("a catalog error was taken for a cut-off upload")
        } catch let error as CatalogError {
            XCTAssertEqual(error, failing)
        }
        let unmade = WebUploadReceiver(boundary: MultipartBody.boundary, csrfToken: "token", limit: Int64(data.count)) { _ in
            throw failing
        }
        do {
            _ = try await WebUploadRoutes.read(Self.stream(data), into: unmade) { _, _ in nil }
            XCTFail("a catalog error making the submission was taken for the upload's or the disk's")
        } catch let error as CatalogError {
            XCTAssertEqual(error, failing)
            XCTAssertEqual(unmade.stop, .server)
        }

        let ending = receiver()
        let ended = try await WebUploadRoutes.read(Self.stream(data), into: ending, step: 1) { _, _ in false }
        XCTAssertEqual(ended, .ended)
        XCTAssertEqual(ending.bytes, 100, "nothing more is read once the upload has ended")

        // On a pool, the receiver's work (making the folder, writing the files) runs as the pool's job.
        let pool = BoundedThreadPool(name: "test uploads", threads: 1, capacity: 1)
        var jobsWhileMaking: [Int] = []
        let pooled = WebUploadReceiver(boundary: MultipartBody.boundary, csrfToken: "token", limit: Int64(data.count)) { _ in
            jobsWhileMaking.append(pool.jobs)
            let target = folder.appendingPathComponent("pooled")
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            return target
        }
        let onPool = try await WebUploadRoutes.read(Self.stream(data), into: pooled, on: pool) { _, _ in true }
        XCTAssertEqual(onPool, .read)
        XCTAssertEqual(jobsWhileMaking, [1], "the folder was made on the pool's thread")
        XCTAssertEqual(pool.jobs, 0)
        pooled.finish()
        XCTAssertNil(pooled.stop, "\(pooled.problems)")
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("pooled/a/1.png")), Self.page)

        let early = receiver()
        var asked = 0
        let none = try await WebUploadRoutes.read(Self.stream(data), into: early, step: 1) { _, _ in
            asked += 1
            return nil
        }
        XCTAssertEqual(none, .read, "before the submission is made there is nothing to advance")
        XCTAssertEqual(asked, (data.count + 99) / 100)
    }

    func testAFolderTheDiskCannotMakeIsADiskFailureNotANameRefusal() throws {
        let folder = try temporaryFolder("sohoa-web-upload-mkdir", removedAfter: self)
        let gone = folder.appendingPathComponent("gone", isDirectory: true)
        XCTAssertThrowsError(try WebUploadFile(folder: gone, segments: ["sach", "trang-1.png"])) { error in
            XCTAssertEqual((error as? WebUploadFile.Failure)?.code, ENOENT, "\(error)")
        }
        try Data("x".utf8).write(to: folder.appendingPathComponent("sach"))
        XCTAssertThrowsError(try WebUploadFile(folder: folder, segments: ["sach", "trang-1.png"])) { error in
            XCTAssertNotNil(error as? UploadProblem, "a file in a folder's place is the name's problem: \(error)")
        }
        var body = MultipartBody()
        body.field("_csrf", "token")
        body.file("files", "lô/sach/trang-1.png", Self.page)
        let data = body.finished()
        let receiver = WebUploadReceiver(boundary: MultipartBody.boundary, csrfToken: "token", limit: Int64(data.count)) { _ in gone }
        receiver.take(ByteBuffer(bytes: data))
        receiver.finish()
        XCTAssertEqual(receiver.stop, .disk, "answered 507, not as a refused name: \(receiver.problems)")
    }

    func testAFullDiskIsReportedWithTheWritesOwnError() throws {
        let full = open("/dev/full", O_WRONLY | O_CLOEXEC)
        guard full >= 0 else { throw XCTSkip("/dev/full is not here") }
        defer { close(full) }
        errno = EACCES
        let bytes = [UInt8](repeating: 7, count: 4096)
        XCTAssertEqual(bytes.withUnsafeBytes { FileDescriptorWriter.writeAll(full, $0) }, ENOSPC)
        XCTAssertEqual(bytes.withUnsafeBytes { FileDescriptorWriter.writeAll(-1, $0) }, EBADF)
        XCTAssertNil([UInt8]().withUnsafeBytes { FileDescriptorWriter.writeAll(full, $0) }, "nothing to write")
    }
}
