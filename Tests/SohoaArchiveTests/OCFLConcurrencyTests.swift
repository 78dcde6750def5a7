import Foundation
import SohoaTesting
import XCTest

@testable import SohoaArchive

final class OCFLConcurrencyTests: XCTestCase {
    func testDifferentObjectsAndOneObjectFromManyThreads() throws {
        let folder = try TemporaryFolder()
        let root = try OCFLStorageRoot.openOrCreate(at: folder.archive)
        let ids = (1...8).map { "urn:sohoa:HNI:báo-\($0)" }
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 24) { n in
            // 8 objects written by 3 threads each: each write gives the object a different state.
            let id = ids[n % ids.count]
            let files = [LogicalFile(logicalPath: "text/trang-\(n / ids.count).txt", source: .data(Data("số \(n)".utf8)))]
            do {
                _ = try root.writeVersion(objectID: id, files: files, message: "m", user: Fixtures.user)
            } catch {
                failures.add("\(id): \(error)")
            }
        }
        XCTAssertEqual(failures.all, [])
        XCTAssertEqual(try root.objectIDs(), ids.sorted())
        for id in ids {
            XCTAssertEqual(try root.headVersion(objectID: id), "v3", id)
        }
        try SharedChecks.assertValidOCFLRoot(root.url, objects: ids.count)
    }
}

private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []
    func add(_ message: String) { lock.withLock { messages.append(message) } }
    var all: [String] { lock.withLock { messages } }
}
