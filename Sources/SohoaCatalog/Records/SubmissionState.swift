/// Where a submitted batch is (table `submissions`, column `state`), in the order it goes through them.
public enum SubmissionState: String, Codable, Sendable, CaseIterable {
    /// Chunks are arriving.
    case uploading
    /// The whole upload is there and its SHA-256 matches; its bag is being checked.
    case received
    /// The bag was unpacked and every file checked against its manifest.
    case verified
    /// Waiting for the server's batch service.
    case queued
    /// The pipeline is running it (pages done / total).
    case running
    /// Every item is in the archive; the submission's files were removed from the inbox.
    case archived
    /// Refused or failed; `problems` says why. Nothing of a refused submission was ingested.
    case failed

    /// Whether nothing more will happen to it.
    public var isFinished: Bool { self == .archived || self == .failed }
}
