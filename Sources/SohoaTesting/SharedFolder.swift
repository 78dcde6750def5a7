import Foundation
import XCTest

/// `../shared` beside the clone: real scans from other projects and third-party validators. Absent on
/// a user's fresh clone, where the tests that need it skip with a message saying so.
public enum SharedFolder {
    /// The package's root folder (found from this file: Sources/SohoaTesting/SharedFolder.swift).
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared`.
    public static let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// `../shared/scans`, or XCTSkip when it is absent.
    public static func scans() throws -> URL {
        let scans = url.appendingPathComponent("scans")
        guard FileManager.default.fileExists(atPath: scans.path) else {
            throw XCTSkip("../shared/scans is not beside this clone (\(scans.path)); these tests need its real scans")
        }
        return scans
    }
}
