import Foundation
import SohoaTesting
import XCTest

@testable import SohoaSharing

/// The submission tar: the same bytes for the same files, long Vietnamese paths kept (pax), and an
/// unpacker that refuses whatever could reach outside its folder.
final class TarTests: XCTestCase {
    func folder(_ files: [String: String]) throws -> URL {
        let root = try temporaryFolder("sohoa-tar", removedAfter: self)
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    func testRoundTripKeepsLongVietnamesePathsAndIsDeterministic() throws {
        let long = "data/" + String(repeating: "Địa chí Lai Châu tập một/", count: 8) + "trang-1.tif"
        let files = ["bagit.txt": "BagIt-Version: 1.0\n", "data/a/b.txt": "xin chào", long: String(repeating: "x", count: 1500)]
        let source = try folder(files)
        let out = try temporaryFolder("sohoa-tar-out", removedAfter: self)
        let first = out.appendingPathComponent("one.tar")
        let second = out.appendingPathComponent("two.tar")
        let size = try TarWriter.write(folder: source, to: first)
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSince1970: 12345)], ofItemAtPath: source.path + "/data/a/b.txt")
        try TarWriter.write(folder: source, to: second)
        XCTAssertEqual(try Data(contentsOf: first), try Data(contentsOf: second), "same files, same bytes (times are not kept)")
        XCTAssertEqual(size % 512, 0)

        let unpacked = out.appendingPathComponent("unpacked")
        try TarExtractor.extract(first, into: unpacked)
        for (path, text) in files {
            XCTAssertEqual(try String(contentsOf: unpacked.appendingPathComponent(path), encoding: .utf8), text, path)
        }
        if let tar = try? ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/tar"), ["-tf", first.path]), tar.exitCode == 0 {
            XCTAssertTrue(tar.stdout.contains(long), "GNU tar reads the pax path: \(tar.stdout)")
        }
    }

    /// A tar made of raw entries (name, type, body), for entries sohoa never writes.
    func rawTar(_ entries: [(String, UInt8, String)]) throws -> URL {
        var bytes: [UInt8] = []
        for (name, type, body) in entries {
            bytes += TarHeader.block(name: Array(name.utf8), prefix: [], size: Int64(body.utf8.count), type: type, mode: 0o644)
            bytes += Array(body.utf8)
            bytes += [UInt8](repeating: 0, count: (512 - body.utf8.count % 512) % 512)
        }
        bytes += [UInt8](repeating: 0, count: 1024)
        let url = try temporaryFolder("sohoa-tar-raw", removedAfter: self).appendingPathComponent("raw.tar")
        try Data(bytes).write(to: url)
        return url
    }

    func assertRefused(
        _ entries: [(String, UInt8, String)], naming words: String, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let tar = try rawTar(entries)
        let destination = tar.deletingLastPathComponent().appendingPathComponent("inbox").appendingPathComponent("1")
        XCTAssertThrowsError(try TarExtractor.extract(tar, into: destination), file: file, line: line) { error in
            let text = (error as? TarError)?.description ?? "\(error)"
            XCTAssertTrue(text.contains(words), text, file: file, line: line)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: destination.path), "nothing is left behind", file: file, line: line)
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: tar.deletingLastPathComponent().appendingPathComponent("evil.txt").path),
            "nothing was written outside", file: file, line: line)
    }

    func testUnpackingRefusesPathsOutsideLinksDevicesAndDuplicates() throws {
        try assertRefused([("ok.txt", 0x30, "a"), ("../../evil.txt", 0x30, "b")], naming: "../../evil.txt")
        try assertRefused([("/tmp/evil.txt", 0x30, "b")], naming: "absolute")
        try assertRefused([("data/link", 0x32, "")], naming: "a link")
        try assertRefused([("data/hard", 0x31, "")], naming: "a link")
        try assertRefused([("data/dev", 0x33, "")], naming: "a device")
        try assertRefused([("a.txt", 0x30, "1"), ("a.txt", 0x30, "2")], naming: "twice")
    }

    func testUnpackingRefusesATruncatedOrDamagedTar() throws {
        let source = try folder(["data/a.txt": String(repeating: "y", count: 3000)])
        let out = try temporaryFolder("sohoa-tar-cut", removedAfter: self)
        let tar = out.appendingPathComponent("a.tar")
        try TarWriter.write(folder: source, to: tar)
        var bytes = try Data(contentsOf: tar)
        try bytes.prefix(1500).write(to: tar)
        XCTAssertThrowsError(try TarExtractor.extract(tar, into: out.appendingPathComponent("x"))) { error in
            XCTAssertTrue("\(error)".contains("truncated"), "\(error)")
        }
        bytes[10] ^= 0x01
        try bytes.write(to: tar)
        XCTAssertThrowsError(try TarExtractor.extract(tar, into: out.appendingPathComponent("y"))) { error in
            XCTAssertTrue("\(error)".contains("checksum"), "\(error)")
        }
    }
}
