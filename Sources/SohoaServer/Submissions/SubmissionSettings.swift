import Foundation

/// How `sohoa serve` takes submitted batches (`submissions:` in `<archive>/server.yaml`).
///
/// ```yaml
/// submissions:
///   max-size: 20G          # the largest single submission (K, M, G suffixes; bytes without)
///   user-quota: 50G        # what one user's unfinished submissions may hold in the inbox
///   total-quota: 200G      # what every unfinished submission may hold
///   free-margin: 5G        # refuse (507) when the disk would have less than this left
///   token-days: 90         # how long a `sohoa login` token lasts
///   abandon-days: 7        # an upload not completed for this long is deleted, its quota freed
///   pipeline: Pipelines/rare-books.yaml   # the pipeline file for submitted batches (default: built in)
///   inbox: /srv/sohoa-inbox                # default: <archive>/extensions/sohoa-inbox
/// ```
public struct SubmissionSettings: Sendable, Equatable {
    public var maximumSize: Int64 = 20 << 30
    public var userQuota: Int64 = 50 << 30
    public var totalQuota: Int64 = 200 << 30
    public var freeMargin: Int64 = 5 << 30
    public var tokenLifetime: TimeInterval = 90 * 86_400
    /// How long an upload may stand still before it is deleted as abandoned.
    public var abandonAfter: TimeInterval = 7 * 86_400
    /// The pipeline file for submitted batches; nil: the built-in default.
    public var pipeline: URL?
    /// Where uploads and their unpacked bags are kept; nil: `<archive>/extensions/sohoa-inbox`.
    public var inbox: URL?

    public init() {}

    /// The inbox folder for the archive at `archive`.
    public func inboxFolder(archive: URL) -> URL {
        inbox ?? archive.appendingPathComponent("extensions").appendingPathComponent("sohoa-inbox")
    }

    /// A size such as `20G`, `500M`, `64K` or a number of bytes; nil when it is none of these.
    public static func bytes(_ value: Any) -> Int64? {
        if let number = value as? Int { return number >= 0 ? Int64(number) : nil }
        guard let text = (value as? String)?.trimmingCharacters(in: .whitespaces).uppercased(), !text.isEmpty else { return nil }
        let units: [Character: Int64] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40]
        var digits = text.hasSuffix("B") ? String(text.dropLast()) : text
        var unit: Int64 = 1
        if let last = digits.last, let factor = units[last] {
            unit = factor
            digits.removeLast()
        }
        guard let number = Int64(digits), number >= 0, number <= Int64.max / unit else { return nil }
        return number * unit
    }
}
