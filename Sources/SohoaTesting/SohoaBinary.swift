import Foundation

/// The `sohoa` executable SwiftPM built beside the test bundle, for the test targets that run it as a
/// user would.
public enum SohoaBinary {
    /// The executable (the first candidate that exists; the first candidate when none does, so the
    /// run fails with its path named).
    public static var url: URL {
        let products =
            Bundle.main.bundleURL.lastPathComponent.hasSuffix(".xctest")
            ? Bundle.main.bundleURL.deletingLastPathComponent() : Bundle.main.bundleURL
        let candidates =
            [products.appendingPathComponent("sohoa")]
            + Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent().appendingPathComponent("sohoa") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }
}
