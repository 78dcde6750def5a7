import Foundation
import Synchronization

/// Tells robots and crawlers from readers by their `User-Agent`, with the COUNTER robots list
/// (matched case-insensitively, anywhere in the text unless a pattern anchors itself). An empty
/// `User-Agent` is a robot (the list's `^.?$`). Only an agent's first `matchedLength` characters are
/// matched, and verdicts are remembered keyed by them (for the last few thousand agents, so a reader's
/// requests cost one dictionary look-up): browsers' agents are a few hundred characters, and a longer
/// one neither costs a longer match nor takes more memory. A robot that names itself only after
/// that is not told apart, as one that does not name itself at all.
final class RobotMatcher: @unchecked Sendable {
    /// The COUNTER list as one expression (each pattern a branch); immutable once made.
    private let expression: NSRegularExpression?
    /// Patterns the platform's regular expressions refused (none in the shipped list; tested).
    let refusedPatterns: [String]
    private let verdicts = Mutex<[String: Bool]>([:])
    private static let rememberedAgents = 4096
    /// How much of a `User-Agent` is matched and remembered, in characters.
    static let matchedLength = 1024

    /// A matcher for `patterns` (by default the COUNTER list).
    init(patterns: [String] = COUNTERRobotList.patterns) {
        var accepted: [String] = []
        var refused: [String] = []
        for pattern in patterns {
            if (try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])) != nil {
                accepted.append(pattern)
            } else {
                refused.append(pattern)
            }
        }
        refusedPatterns = refused
        expression = try? NSRegularExpression(
            pattern: accepted.map { "(?:\($0))" }.joined(separator: "|"), options: [.caseInsensitive])
    }

    /// Whether a request with this `User-Agent` comes from a robot.
    func isRobot(_ userAgent: String) -> Bool {
        // The first `matchedLength` characters (no more UTF-8 bytes than that: all of it, without counting).
        let text = userAgent.utf8.count <= Self.matchedLength ? userAgent : String(userAgent.prefix(Self.matchedLength))
        if let known = verdicts.withLock({ $0[text] }) { return known }
        let robot =
            expression?.firstMatch(in: text, options: [], range: NSRange(text.startIndex..<text.endIndex, in: text)) != nil
        verdicts.withLock { verdicts in
            if verdicts.count >= Self.rememberedAgents { verdicts.removeAll(keepingCapacity: true) }
            verdicts[text] = robot
        }
        return robot
    }

    /// The agents whose verdicts are remembered (for tests).
    var rememberedKeys: [String] { verdicts.withLock { Array($0.keys) } }
}
