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

/// The web upload form (issue 15) through the real router: a scanner's folder and items.csv arrive
/// as a received submission of their library that the batch service bags, verifies and queues like
/// one from `sohoa submit`; odd file names, a missing CSRF token and the size, quota and disk limits
/// are refused in plain words with nothing kept and nothing written outside the inbox.
final class WebUploadRoutesTests: XCTestCase {
    static let password = "mật khẩu trạm huyện"

    func services(_ configure: (inout ServerOptions) -> Void = { _ in }) throws -> ServerServices {
        let services = try makeServices(archive: try temporaryArchive(self), configure: configure)
        _ = try services.catalog.addLibrary(code: "TUY", name: "Thư viện huyện Than Uyên", district: "Than Uyên", provincial: false)
        try services.catalog.addUser(
            name: "tuy", displayName: nil, role: .scanner, libraryCode: "TUY", passwordHash: try PasswordHasher(cost: 4).hash(Self.password)
        )
        try addTestUser(services, name: "boss", role: .manager, password: Self.password)
        return services
    }

    func app(_ services: ServerServices) -> some ApplicationProtocol {
        Application(router: SohoaServerApp.router(services: services))
    }

    /// A page's bytes with what looks almost like the form's boundary in it.
    static let page =
        Data("PNG\r\n--\r\n------WebKitFormBoundary\r\r\n-".utf8) + Data((0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 7) })

    /// Posts `body` as the form does (the router test client announces the body's true length).
    static func send(_ client: some TestClientProtocol, _ body: MultipartBody, cookie: String) async throws -> TestResponse {
        let data = body.finished()
        return try await client.execute(
            uri: WebUploadPage.path, method: .post,
            headers: [
                .cookie: cookie, .contentType: "multipart/form-data; boundary=\(MultipartBody.boundary)",
                .contentLength: String(data.count),
            ],
            body: ByteBuffer(bytes: data))
    }

    func testAScannersFolderBecomesASubmissionVerifiedLikeAnyOther() async throws {
        let services = try services()
        let id = try await app(services).test(.router) { client -> Int64 in
            let (cookie, csrf) = try await signIn(client, name: "tuy", password: Self.password)
            let form = try await client.execute(uri: WebUploadPage.path, method: .get, headers: [.cookie: cookie])
            XCTAssertEqual(form.status, .ok)
            let html = String(buffer: form.body)
            XCTAssertTrue(html.contains("webkitdirectory") && html.contains("enctype=\"multipart/form-data\""), html)
            XCTAssertTrue(html.contains("href=\"/submissions\"") && html.contains("Gửi lô"), "the scanner's navigation links both pages")

            var body = MultipartBody()
            body.field("_csrf", csrf)
            body.file("files", "lô-thử/sach/trang-1.png", Self.page)
            body.file("files", "lô-thử/sach/.DS_Store", Data("rác".utf8))
            body.file("files", "lô-thử/items.csv", Data("item,title\nsach,Cũ\n".utf8))
            body.file("items", "mô tả.csv", Data("item,title\nsach,Sách mới\n".utf8))
            let sent = try await Self.send(client, body, cookie: cookie)
            XCTAssertEqual(sent.status, .seeOther, String(buffer: sent.body))
            let location = try XCTUnwrap(sent.headers[.location])
            XCTAssertTrue(location.hasPrefix("/submissions?sent="), location)
            let id = try XCTUnwrap(Int64(location.dropFirst("/submissions?sent=".count)))
            let status = String(buffer: try await client.execute(uri: location, method: .get, headers: [.cookie: cookie]).body)
            XCTAssertTrue(status.contains("Máy chủ đã nhận lô #\(id)") && status.contains("lô-thử"), status)
            return id
        }
        let submission = try XCTUnwrap(try services.catalog.submission(id: id))
        XCTAssertEqual(submission.state, .received)
        XCTAssertEqual(submission.name, "lô-thử")
        XCTAssertEqual(submission.libraryCode, "TUY", "the scanner's library")
        XCTAssertEqual(submission.receivedBytes, submission.size)
        let files = services.submissionInbox.files(id)
        XCTAssertEqual(try Data(contentsOf: files.appendingPathComponent("sach/trang-1.png")), Self.page, "written byte for byte")
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: files.appendingPathComponent("sach/.DS_Store").path), "hidden files are left out")
        XCTAssertEqual(
            try String(contentsOf: files.appendingPathComponent("items.csv"), encoding: .utf8), "item,title\nsach,Sách mới\n",
            "the items.csv given on its own replaces the folder's")

        // The batch service bags and verifies it, then runs the bag's payload as for `sohoa submit`.
        let service = SubmissionService(services: services, inbox: services.submissionInbox, runner: RefusingRunner())
        let worked = try await service.intake()
        XCTAssertTrue(worked)
        XCTAssertEqual(try services.catalog.submission(id: id)?.state, .queued)
        let bag = services.submissionInbox.bag(id)
        XCTAssertEqual(try BagVerifier.verify(bag, requiring: []).value("External-Identifier"), "lô-thử")
        XCTAssertEqual(try Data(contentsOf: bag.appendingPathComponent("data/sach/trang-1.png")), Self.page)
        XCTAssertFalse(FileManager.default.fileExists(atPath: files.path), "the sent files are replaced by the bag")
        let recording = RecordingRunner(result: .archived(.init(pagesDone: 1, pagesTotal: 1, pagesFailed: 0, itemsArchived: 1)))
        _ = try await SubmissionService(services: services, inbox: services.submissionInbox, runner: recording).runNext(SubmissionStop())
        XCTAssertEqual(recording.batches.first?.folder.path, bag.appendingPathComponent("data").path)
        XCTAssertEqual(recording.batches.first?.libraryCode, "TUY")
        XCTAssertEqual(try services.catalog.submission(id: id)?.state, .archived)
    }

    func testOddNamesAreRefusedWithEveryOneNamedAndNothingKept() async throws {
        let services = try services()
        let archive = services.options.archive
        try await app(services).test(.router) { client in
            let (cookie, csrf) = try await signIn(client, name: "tuy", password: Self.password)
            var body = MultipartBody()
            body.field("_csrf", csrf)
            body.file("files", "lô/sach/trang-1.png", Self.page)
            body.file("files", "lô/../../../thoat.txt", Data("x".utf8))
            body.file("files", "/etc/sohoa-thoat.txt", Data("x".utf8))
            body.file("files", "lô/sach\\..\\thoat.png", Data("x".utf8))
            body.file("files", "lô/sach%0A.png", Data("x".utf8))
            body.file("files", "lô/sach/trang-1.png", Self.page)
            let refused = try await Self.send(client, body, cookie: cookie)
            XCTAssertEqual(refused.status, .badRequest)
            let html = String(buffer: refused.body)
            XCTAssertTrue(html.contains("Máy chủ chưa nhận lô này"), "Vietnamese first: \(html)")
            for words in ["“..”", "đường dẫn tuyệt đối", "dấu \\", "ký tự điều khiển", "đã gửi hai lần"] {
                XCTAssertTrue(html.contains(HTML.escape(words)), "\(words) named: \(html)")
            }
            let english = String(
                buffer: try await client.execute(
                    uri: WebUploadPage.path + "?lang=en", method: .get, headers: [.cookie: cookie]
                ).body)
            XCTAssertTrue(english.contains("Send a batch of scans"), english)
        }
        let list = try services.catalog.submissions(userID: nil)
        XCTAssertEqual(list.map(\.state), [.failed], "refused, and its bytes no longer held")
        XCTAssertEqual(try services.catalog.inboxBytes(userID: list[0].userID).user, 0)
        XCTAssertTrue(list[0].problems.contains { $0.contains("'..'") }, "\(list[0].problems)")
        XCTAssertEqual(services.submissionInbox.submissionIDs(), [], "nothing kept in the inbox")
        for escaped in ["thoat.txt", "extensions/thoat.txt", "../thoat.txt"] {
            XCTAssertFalse(FileManager.default.fileExists(atPath: archive.appendingPathComponent(escaped).path), escaped)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/etc/sohoa-thoat.txt"))
    }

    func testTheFormsCSRFTokenMustComeBeforeAnyFile() async throws {
        let services = try services()
        try await app(services).test(.router) { client in
            let (cookie, _) = try await signIn(client, name: "tuy", password: Self.password)
            var missing = MultipartBody()
            missing.file("files", "lô/sach/trang-1.png", Self.page)
            let noToken = try await Self.send(client, missing, cookie: cookie)
            XCTAssertEqual(noToken.status, .forbidden)
            XCTAssertTrue(String(buffer: noToken.body).contains("CSRF"))
            var wrong = MultipartBody()
            wrong.field("_csrf", String(repeating: "a", count: 64))
            wrong.file("files", "lô/sach/trang-1.png", Self.page)
            let forged = try await Self.send(client, wrong, cookie: cookie)
            XCTAssertEqual(forged.status, .forbidden)
            let anonymous = try await Self.send(client, wrong, cookie: "")
            XCTAssertEqual(anonymous.status, .unauthorized)
            let (manager, managerCSRF) = try await signIn(client, name: "boss", password: Self.password)
            var managers = MultipartBody()
            managers.field("_csrf", managerCSRF)
            managers.file("files", "lô/sach/trang-1.png", Self.page)
            let notAllowed = try await Self.send(client, managers, cookie: manager)
            XCTAssertEqual(notAllowed.status, .forbidden, "managers do not submit")
            let nav = String(buffer: try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: manager]).body)
            XCTAssertFalse(nav.contains("href=\"\(WebUploadPage.path)\""), "no upload link for a manager")
        }
        XCTAssertEqual(try services.catalog.submissions(userID: nil), [], "no submission was made")
        XCTAssertEqual(services.submissionInbox.submissionIDs(), [])
    }

    func testSizesQuotasAndAFullDiskAreRefusedBeforeAnythingIsWritten() async throws {
        let small = try services {
            $0.submissions.maximumSize = 5000
            $0.submissions.userQuota = 6000
        }
        // The scanner's `sohoa submit` upload of 3000 bytes waits on the server.
        let userID = try XCTUnwrap(try small.catalog.user(name: "tuy")?.id)
        let waiting = try small.catalog.openSubmission(
            SubmissionRecord(userID: userID, name: "đang gửi", size: 3000, sha256: String(repeating: "ab", count: 32), chunkSize: 1000)
        ).submission
        try await app(small).test(.router) { client in
            let (cookie, csrf) = try await signIn(client, name: "tuy", password: Self.password)
            var body = MultipartBody()
            body.field("_csrf", csrf)
            body.file("files", "lô/sach/trang-1.png", Self.page)
            XCTAssertLessThan(body.finished().count, 5000)
            XCTAssertGreaterThan(body.finished().count, 3000, "with the waiting upload, more than the quota")
            let over = try await Self.send(client, body, cookie: cookie)
            XCTAssertEqual(over.status.code, 507, String(buffer: over.body))
            XCTAssertTrue(String(buffer: over.body).contains("vượt hạn mức"), String(buffer: over.body))
            body.file("files", "lô/sach/trang-2.png", Self.page)
            let big = try await Self.send(client, body, cookie: cookie)
            XCTAssertEqual(big.status, .contentTooLarge)
            XCTAssertTrue(String(buffer: big.body).contains("hãy chia thành các lô nhỏ hơn"), String(buffer: big.body))
        }
        XCTAssertEqual(small.submissionInbox.submissionIDs(), [])
        XCTAssertEqual(
            try small.catalog.submissions(userID: nil).map(\.id), [waiting.id], "none of them was made: only the upload before waits")

        // More bytes than announced are not taken (the router test client always announces the
        // body's true length, so the receiver is fed directly).
        var one = MultipartBody()
        one.field("_csrf", "token")
        one.file("files", "lô/sach/trang-1.png", Self.page)
        let target = try temporaryFolder("sohoa-web-upload-lying", removedAfter: self)
        let lying = WebUploadReceiver(boundary: MultipartBody.boundary, csrfToken: "token", limit: 1000) { _ in target }
        for piece in stride(from: 0, to: one.finished().count, by: 100) {
            lying.take(ByteBuffer(bytes: one.finished().dropFirst(piece).prefix(100)))
        }
        lying.finish()
        XCTAssertEqual(lying.stop, .tooLarge)
        XCTAssertEqual(lying.bytes, 1000 + 100, "nothing after the piece that passed the announced size")
        XCTAssertTrue(lying.problems.contains { $0.vi.contains("nhiều hơn kích thước đã báo") }, "\(lying.problems)")

        let full = try services { $0.submissions.freeMargin = Int64.max / 4 }
        try await app(full).test(.router) { client in
            let (cookie, csrf) = try await signIn(client, name: "tuy", password: Self.password)
            var body = MultipartBody()
            body.field("_csrf", csrf)
            body.file("files", "lô/sach/trang-1.png", Self.page)
            let refused = try await Self.send(client, body, cookie: cookie)
            XCTAssertEqual(refused.status.code, 507)
            XCTAssertTrue(String(buffer: refused.body).contains("ổ đĩa máy chủ"), String(buffer: refused.body))
        }
        XCTAssertEqual(try full.catalog.submissions(userID: nil), [])
    }

    /// A `sohoa submit` upload of 100 bytes by "tuy", its first 10 sent at `date`; its id.
    private func halfSentUpload(_ services: ServerServices, name: String, sha256: String, at date: Date) throws -> Int64 {
        let user = try XCTUnwrap(try services.catalog.user(name: "tuy"))
        let record = SubmissionRecord(userID: try XCTUnwrap(user.id), name: name, size: 100, sha256: sha256, chunkSize: 10, at: date)
        let id = try XCTUnwrap(try services.catalog.openSubmission(record).submission.id)
        try services.submissionInbox.write(Data(count: 10), at: 0, id: id)
        XCTAssertTrue(try services.catalog.advanceSubmission(id: id, from: 0, to: 10, at: date))
        return id
    }

    func testAnAbandonedUploadIsDeletedAfterTheSetTimeAndItsQuotaFreed() async throws {
        let services = try services { $0.submissions.abandonAfter = 2 * 86_400 }
        let user = try XCTUnwrap(try services.catalog.user(name: "tuy"))
        let started = Date()
        let id = try halfSentUpload(services, name: "bỏ dở", sha256: String(repeating: "ab", count: 32), at: started)
        // An archived submission whose folder a crash left behind.
        var done = SubmissionRecord(
            userID: try XCTUnwrap(user.id), name: "xong", size: 5, sha256: String(repeating: "cd", count: 32), chunkSize: 5)
        done = try services.catalog.openSubmission(done).submission
        let doneID = try XCTUnwrap(done.id)
        try services.catalog.setSubmissionState(id: doneID, .archived)
        try FileManager.default.createDirectory(at: services.submissionInbox.bag(doneID), withIntermediateDirectories: true)
        XCTAssertEqual(try services.catalog.inboxBytes(userID: try XCTUnwrap(user.id)).user, 100)

        var service = SubmissionService(services: services, inbox: services.submissionInbox, runner: RefusingRunner())
        service.now = { started.addingTimeInterval(86_400) }
        XCTAssertEqual(try service.expireAbandoned(at: service.now()), 0, "a day old: kept")
        XCTAssertEqual(try services.catalog.submission(id: id)?.state, .uploading)
        XCTAssertTrue(FileManager.default.fileExists(atPath: services.submissionInbox.upload(id).path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: services.submissionInbox.submissionFolder(doneID).path), "leftovers go")

        service.now = { started.addingTimeInterval(2 * 86_400 + 60) }
        XCTAssertEqual(try service.expireAbandoned(at: service.now()), 1)
        let expired = try XCTUnwrap(try services.catalog.submission(id: id))
        XCTAssertEqual(expired.state, .failed)
        XCTAssertTrue(expired.problems.first?.contains("not completed within 2 days") ?? false, "\(expired.problems)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: services.submissionInbox.submissionFolder(id).path))
        XCTAssertEqual(try services.catalog.inboxBytes(userID: try XCTUnwrap(user.id)).user, 0, "its quota is free again")
    }

    func testAWebUploadCutOffByARestartIsRefusedAtTheNextStart() throws {
        let services = try services()
        let user = try XCTUnwrap(try services.catalog.user(name: "tuy"))
        var record = SubmissionRecord(
            userID: try XCTUnwrap(user.id), name: "lô", size: 100, sha256: String(repeating: "ef", count: 32), chunkSize: 100,
            at: Date().addingTimeInterval(-60))
        record = try services.catalog.openSubmission(record).submission
        let id = try XCTUnwrap(record.id)
        try FileManager.default.createDirectory(at: services.submissionInbox.files(id), withIntermediateDirectories: true)
        // A `sohoa submit` upload half sent before the restart goes on after it.
        let tarID = try halfSentUpload(
            services, name: "lô tar", sha256: String(repeating: "cd", count: 32), at: Date().addingTimeInterval(-60))

        try SubmissionService(services: services, inbox: services.submissionInbox, runner: RefusingRunner()).recover()
        XCTAssertEqual(try services.catalog.submission(id: id)?.state, .failed)
        let resumable = try XCTUnwrap(try services.catalog.submission(id: tarID))
        XCTAssertEqual(resumable.state, .uploading, "the tar's upload survives the restart")
        XCTAssertEqual(resumable.receivedBytes, 10)
        XCTAssertEqual(services.submissionInbox.submissionIDs(), [tarID])
        XCTAssertEqual(try Data(contentsOf: services.submissionInbox.upload(tarID)), Data(count: 10))
    }

    func testFileNamesFromTheBrowser() {
        XCTAssertEqual(WebUploadPath.of("lô/sách/trang-1.tif"), .file(["sách", "trang-1.tif"]))
        XCTAssertEqual(WebUploadPath.of("trang-1.tif"), .file(["trang-1.tif"]))
        XCTAssertEqual(WebUploadPath.of("lô/.git/config"), .skipped)
        XCTAssertEqual(WebUploadPath.pickedFolder("lô/sách/trang-1.tif"), "lô")
        let nfd = "lo\u{302}/sa\u{301}ch/a.tif"
        XCTAssertEqual(WebUploadPath.of(nfd), .file(["sách", "a.tif"]), "names in NFC")
        for odd in ["", "/a", "~/a", "C:/a", "a/../b", "a/./b", "a//b", "a\\b", "a/b\u{0}c", "a/ /b", String(repeating: "x", count: 256)] {
            guard case .refused = WebUploadPath.of(odd) else { return XCTFail("\(odd.debugDescription) was taken") }
        }
        let parameters = WebUploadReceiver.parameters("form-data; name=\"files\"; filename=\"lô/a %22b%22;c\\d.tif\"")
        XCTAssertEqual(parameters, ["name": "files", "filename": "lô/a %22b%22;c\\d.tif"])
        XCTAssertEqual(WebUploadPath.unescaped(parameters["filename"] ?? ""), "lô/a \"b\";c\\d.tif")
        XCTAssertEqual(WebUploadReceiver.boundary(contentType: "multipart/form-data; boundary=\"abc\""), "abc")
        XCTAssertNil(WebUploadReceiver.boundary(contentType: "application/x-www-form-urlencoded"))
    }

    func testABodyArrivingInOddPiecesIsWrittenByteForByte() throws {
        let folder = try temporaryFolder("sohoa-web-upload", removedAfter: self)
        var body = MultipartBody()
        body.field("_csrf", "token")
        body.file("files", "lô/a/1.png", Self.page)
        body.file("files", "lô/a/2.png", Data())
        body.file("files", "lô/b/3.png", Data(Self.page.reversed()))
        let data = body.finished()
        for piece in [1, 7, 61, 4096] {
            let target = folder.appendingPathComponent("piece-\(piece)")
            let receiver = WebUploadReceiver(boundary: MultipartBody.boundary, csrfToken: "token", limit: Int64(data.count)) { picked in
                XCTAssertEqual(picked, "lô")
                try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
                return target
            }
            for start in stride(from: 0, to: data.count, by: piece) {
                receiver.take(ByteBuffer(bytes: data[start..<min(data.count, start + piece)]))
            }
            receiver.finish()
            XCTAssertNil(receiver.stop, "\(receiver.problems)")
            XCTAssertEqual(receiver.fileCount, 3)
            XCTAssertEqual(try Data(contentsOf: target.appendingPathComponent("a/1.png")), Self.page, "pieces of \(piece)")
            XCTAssertEqual(try Data(contentsOf: target.appendingPathComponent("a/2.png")), Data())
            XCTAssertEqual(try Data(contentsOf: target.appendingPathComponent("b/3.png")), Data(Self.page.reversed()))
            XCTAssertEqual(receiver.sha256, SubmissionAPI.sha256(data))
        }
        // A body that ends before its closing boundary is refused.
        let cut = WebUploadReceiver(boundary: MultipartBody.boundary, csrfToken: "token", limit: Int64(data.count)) { _ in
            let target = folder.appendingPathComponent("cut")
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            return target
        }
        cut.take(ByteBuffer(bytes: data.dropLast(100)))
        cut.finish()
        XCTAssertEqual(cut.stop, .malformed)
    }
}

/// A `multipart/form-data` body as a browser sends a form (parts in the form's order).
struct MultipartBody {
    static let boundary = "----WebKitFormBoundaryThanUyen2026"
    private var data = Data()

    mutating func field(_ name: String, _ value: String) {
        data += Data("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
    }

    /// A file part; `filename` is escaped as browsers do (`"` as `%22`).
    mutating func file(_ name: String, _ filename: String, _ content: Data) {
        let escaped = filename.replacingOccurrences(of: "\"", with: "%22")
        data += Data(
            "--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(escaped)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                .utf8)
        data += content
        data += Data("\r\n".utf8)
    }

    func finished() -> Data {
        data + Data("--\(Self.boundary)--\r\n".utf8)
    }
}
