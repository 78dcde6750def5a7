import Foundation
import SohoaTesting

/// When the kill test kills a `sohoa run`: after a delay, while an item is being packaged, or
/// after some pages are done; each with a small extra delay, all drawn from a seeded generator.
enum KillMoment {
    /// Seconds after the start.
    case after(seconds: Double)
    /// As soon as this run writes an item's package (files in pipeline or OCFL staging), then `extra` seconds.
    case packaging(extra: Double)
    /// Once `count` pages are done in this run, then `extra` seconds.
    case pagesDone(count: Int, extra: Double)

    /// A moment: half of them timed, a quarter while packaging, a quarter after pages.
    static func random(using random: inout SplitMix64) -> KillMoment {
        switch Int.random(in: 0..<4, using: &random) {
        case 0, 1: return .after(seconds: Double.random(in: 0.2...5, using: &random))
        case 2: return .packaging(extra: Double.random(in: 0...0.03, using: &random))
        default: return .pagesDone(count: Int.random(in: 1...2, using: &random), extra: Double.random(in: 0...0.3, using: &random))
        }
    }

    /// The moment in words, for the log.
    var label: String {
        switch self {
        case .after(let seconds): String(format: "after %.2f s", seconds)
        case .packaging(let extra): String(format: "packaging + %.0f ms", extra * 1000)
        case .pagesDone(let count, let extra): String(format: "%d page(s) done + %.0f ms", count, extra * 1000)
        }
    }

    /// Seconds to wait once the moment is due.
    var extraDelay: Double {
        switch self {
        case .after: 0
        case .packaging(let extra), .pagesDone(_, let extra): extra
        }
    }

    /// Whether the moment has come for a run started at `started` writing `log` into `archive`.
    func isDue(since started: Date, log: URL, archive: URL) -> Bool {
        switch self {
        case .after(let seconds): Date().timeIntervalSince(started) >= seconds
        case .packaging: Self.isPackaging(archive, since: started)
        case .pagesDone(let count, _): Self.pagesDone(log) >= count
        }
    }

    /// What the run was doing when it was killed, as far as can be seen from outside.
    static func observe(log: URL, archive: URL, since started: Date) -> String {
        if isPackaging(archive, since: started) { return "packaging" }
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        guard text.contains("\"planned\"") else { return "start-up (planning, hashing)" }
        return "pages in the stages (\(pagesDone(log)) done in this run)"
    }

    /// Whether files written since `started` are in the pipeline's or the OCFL staging folders
    /// (folders left by earlier killed runs do not count).
    static func isPackaging(_ archive: URL, since started: Date) -> Bool {
        ["extensions/sohoa-staging/work", "extensions/sohoa-work/items"].contains { path in
            let folder = archive.appendingPathComponent(path)
            guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.contentModificationDateKey])
            else { return false }
            return walker.contains { entry in
                guard let url = entry as? URL, url.lastPathComponent != "lock",
                    let modified = try? url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate
                else { return false }
                return modified >= started
            }
        }
    }

    static func pagesDone(_ log: URL) -> Int {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return text.components(separatedBy: "\"page_done\"").count - 1
    }
}
