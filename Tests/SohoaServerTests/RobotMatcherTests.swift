import Foundation
import XCTest

@testable import SohoaServer

/// The COUNTER robots list as the server carries it, and what it calls a robot.
final class RobotMatcherTests: XCTestCase {
    static let dataFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("data/counter-robots/COUNTER_Robots_list.txt")

    func testBuiltInListIsTheDataFile() throws {
        let file = try String(contentsOf: Self.dataFile, encoding: .utf8)
        XCTAssertEqual(COUNTERRobotList.text + "\n", file, "paste data/counter-robots/COUNTER_Robots_list.txt into COUNTERRobotList.swift")
        XCTAssertEqual(COUNTERRobotList.patterns.count, 283)
    }

    func testEveryPatternCompiles() {
        XCTAssertEqual(RobotMatcher().refusedPatterns, [], "every COUNTER pattern is a valid expression here")
    }

    func testCrawlersAndToolsAreRobots() {
        let robots = RobotMatcher()
        for agent in [
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
            "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)",
            "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)",
            "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
            "curl/8.4.0", "Wget/1.21.3", "python-requests/2.31.0", "Scrapy/2.11.0 (+https://scrapy.org)",
            "Java/17.0.2", "heritrix/3.4.0 +http://archive.org", "ia_archiver", "LOCKSS cache",
            "", "-", "Mozilla", "Mozilla/4.0",
        ] {
            XCTAssertTrue(robots.isRobot(agent), "a robot: '\(agent)'")
        }
    }

    func testBrowsersAreReaders() {
        let robots = RobotMatcher()
        for agent in [
            "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
        ] {
            XCTAssertFalse(robots.isRobot(agent), "a reader: '\(agent)'")
            XCTAssertFalse(robots.isRobot(agent), "the remembered verdict is the same: '\(agent)'")
        }
    }

    func testMatchingIgnoresCaseAndHonoursAnchors() {
        let robots = RobotMatcher(patterns: ["bot", "^java\\/\\d", "^Mozilla$"])
        XCTAssertTrue(robots.isRobot("SomeBOT/1.0"))
        XCTAssertTrue(robots.isRobot("Java/1.8.0"))
        XCTAssertFalse(robots.isRobot("Reader using Java/1.8.0"), "^ anchors at the start")
        XCTAssertTrue(robots.isRobot("mozilla"))
        XCTAssertFalse(robots.isRobot("Mozilla/5.0 (X11)"), "$ anchors at the end")
        XCTAssertEqual(RobotMatcher(patterns: ["(", "bot"]).refusedPatterns, ["("], "a broken pattern is set aside, the rest work")
    }

    /// An agent is matched and remembered by its first 1024 characters: a long one costs no longer a
    /// match and no more memory, and two agents alike that far get one verdict.
    func testOnlyTheFirstCharactersAreMatchedAndRemembered() {
        let robots = RobotMatcher(patterns: ["bot"])
        let long = "Mozilla/5.0 (X11; Linux x86_64) " + String(repeating: "ạ", count: RobotMatcher.matchedLength)
        XCTAssertFalse(robots.isRobot(long + " Firefox/128.0"))
        XCTAssertFalse(robots.isRobot(long + " bot/1.0"), "beyond the first 1024 characters: the same agent as far as the list can tell")
        XCTAssertTrue(robots.isRobot("bot/1.0 " + long), "named within them: a robot")
        let short = String(repeating: "ạ", count: 500) + " bot/1.0"
        XCTAssertGreaterThan(short.utf8.count, RobotMatcher.matchedLength)
        XCTAssertTrue(robots.isRobot(short), "1,024 characters, not bytes: all of a 508-character agent is matched")
        XCTAssertEqual(robots.rememberedKeys.count, 3, "the two long agents alike in their first 1024 characters are one")
        XCTAssertEqual(robots.rememberedKeys.map(\.count).max(), RobotMatcher.matchedLength)
    }
}
