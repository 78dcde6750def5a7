import Foundation
import Synchronization

/// Tells robots and crawlers from readers by their `User-Agent`, with the COUNTER robots list
/// (matched case-insensitively, anywhere in the text unless a pattern anchors itself). An empty
/// `User-Agent` is a robot (the list's `^.?$`). Verdicts are remembered for the last few thousand
/// agents, so a reader's requests cost one dictionary look-up.
final class RobotMatcher: @unchecked Sendable {
    /// The COUNTER list as one expression (each pattern a branch); immutable once made.
    private let expression: NSRegularExpression?
    /// Patterns the platform's regular expressions refused (none in the shipped list; tested).
    let refusedPatterns: [String]
    private let verdicts = Mutex<[String: Bool]>([:])
    private static let rememberedAgents = 4096

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
        if let known = verdicts.withLock({ $0[userAgent] }) { return known }
        let text = String(userAgent.prefix(1024))
        let robot =
            expression?.firstMatch(in: text, options: [], range: NSRange(text.startIndex..<text.endIndex, in: text)) != nil
        verdicts.withLock { verdicts in
            if verdicts.count >= Self.rememberedAgents { verdicts.removeAll(keepingCapacity: true) }
            verdicts[userAgent] = robot
        }
        return robot
    }
}
