import Foundation
import SohoaCatalog

/// The goals file (`<archive>/goals.yaml`) a manager edits. Without one, the plan's defaults apply;
/// `sohoa progress --write-goals` writes them out to be edited.
public enum GoalsFile {
    /// The goals file's name inside an archive.
    public static let fileName = "goals.yaml"

    /// The plan's targets (Kế hoạch 4084/KH-UBND, II.2.1.2 and II.2.1.4) as a goals file.
    public static let defaultText = """
        # Mục tiêu số hóa — Kế hoạch 4084/KH-UBND tỉnh Lai Châu (mục II.2.1.2, II.2.1.4, II.2.2).
        # Người quản lý sửa tệp này; `sohoa progress` và `sohoa report` đọc lại mỗi lần chạy.
        #   measure: holdings-share = tỉ lệ % tài liệu trong sổ đăng ký (trong phạm vi scope) đã số hóa và quản lý;
        #            items          = số tài liệu số (đã lưu trữ, có siêu dữ liệu mô tả).
        #   scope:   libraries (mã thư viện; bỏ trống = mọi thư viện), special-value (chỉ tài liệu có giá trị đặc biệt),
        #            types (rare-book, manuscript, local-history, newspaper, map, photo, other; bỏ trống = mọi loại).
        #   baseline: số đã số hóa trước khi dùng sohoa (cộng vào kết quả), baseline-date: ngày đếm.
        goals:
          - id: quy-hiem-dia-chi-70
            name: "70% tài liệu quý hiếm, tài liệu địa chí có giá trị đặc biệt của Thư viện tỉnh được số hóa và quản lý trên phần mềm thư viện số"
            measure: holdings-share
            target: 70
            deadline: "2025-12-31"
            scope:
              libraries: [LCH]
              special-value: true
              types: [rare-book, manuscript, local-history]
            baseline: 0
            baseline-date: "2021-07-06"
          - id: tai-lieu-so-15000
            name: "15.000 bản tài liệu số trong vốn tài liệu của Thư viện tỉnh"
            measure: items
            target: 15000
            deadline: "2025-12-31"
            scope:
              libraries: [LCH]
            baseline: 0
          - id: dinh-huong-2030
            name: "Định hướng 2030: phát triển thư viện số — tài liệu quý hiếm, địa chí của các thư viện công cộng (kế hoạch không nêu con số; 100% là giá trị tham khảo, hãy sửa)"
            measure: holdings-share
            target: 100
            deadline: "2030-12-31"
            scope:
              special-value: true
              types: [rare-book, manuscript, local-history]
            baseline: 0
        # Bạn đọc — Kế hoạch mục II.2.2: lượt truy cập mỗi năm, báo cáo trước ngày 1/11 (`sohoa stats`, `sohoa report`).
        #   digital-collection-visits: lượt truy cập thư viện số (mọi thư viện của sohoa, mỗi lượt đếm một lần);
        #   library-visits:            lượt truy cập cộng theo từng thư viện (một lượt xem tài liệu của hai thư viện tính cho cả hai).
        usage-targets:
          digital-collection-visits: 10000
          library-visits: 35000

        """

    /// What a goals file holds: the goals and the reader targets, and the file they were read from.
    public struct Contents: Sendable, Equatable {
        public var goals: [Goal]
        /// `usage-targets:`, or the plan's when the file has none.
        public var usageTargets: UsageTargets
        /// The file's path; `nil` for the plan's defaults.
        public var file: String?

        public init(goals: [Goal], usageTargets: UsageTargets, file: String? = nil) {
            self.goals = goals
            self.usageTargets = usageTargets
            self.file = file
        }
    }

    /// The plan's default goals.
    public static var defaults: [Goal] {
        // The default text is part of the program and is parsed by the same code as a manager's file.
        (try? parse(defaultText, file: "(default goals)")) ?? []
    }

    /// The goals and reader targets in `url`, or the plan's defaults when `url` does not exist —
    /// unless `required` (a file named on the command line), when a missing file is an error.
    public static func load(_ url: URL, required: Bool = false) throws(GoalsFileError) -> Contents {
        guard FileManager.default.fileExists(atPath: url.path) else {
            guard !required else {
                throw GoalsFileError(
                    file: url.path,
                    message: "no such file; name an existing goals file, or write one with sohoa progress --write-goals --goals \(url.path)"
                )
            }
            return Contents(goals: defaults, usageTargets: .plan)
        }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw GoalsFileError(file: url.path, message: "cannot be read as UTF-8: \(error.localizedDescription)")
        }
        var contents = try read(text, file: url.path)
        contents.file = url.path
        return contents
    }

    /// Parses a goals file's goals (its `usage-targets:` checked too); errors name the goal and key.
    public static func parse(_ text: String, file: String) throws(GoalsFileError) -> [Goal] {
        try read(text, file: file).goals
    }

    /// Parses a goals file (its goals and its `usage-targets:`), once; errors name the goal and key.
    public static func read(_ text: String, file: String) throws(GoalsFileError) -> Contents {
        let parsed: Any?
        do {
            parsed = try YAMLText.load(text)
        } catch {
            throw GoalsFileError(file: file, message: "not valid YAML: \(error)")
        }
        guard let root = parsed as? [String: Any], let list = root["goals"] as? [Any],
            Set(root.keys).isSubset(of: ["goals", UsageTargets.key])
        else {
            throw GoalsFileError(
                file: file,
                message: "must hold the key 'goals:' with a list of goals, and may hold '\(UsageTargets.key):' (see docs/progress.md)")
        }
        var goals: [Goal] = []
        for (index, entry) in list.enumerated() {
            let label = "goal \(index + 1)"
            guard let map = entry as? [String: Any] else {
                throw GoalsFileError(file: file, message: "\(label) must be a mapping with id, name, measure, target, deadline")
            }
            let allowed: Set<String> = ["id", "name", "measure", "target", "deadline", "scope", "baseline", "baseline-date"]
            if let unknown = map.keys.sorted().first(where: { !allowed.contains($0) }) {
                throw GoalsFileError(
                    file: file, message: "\(label): unknown key '\(unknown)'; allowed: \(allowed.sorted().joined(separator: ", "))")
            }
            func string(_ key: String) -> String? { map[key].map { dayText($0) } }
            guard let id = string("id"), !id.isEmpty else { throw GoalsFileError(file: file, message: "\(label) has no id") }
            guard let measureText = string("measure"), let measure = Goal.Measure(rawValue: measureText) else {
                throw GoalsFileError(file: file, message: "goal \(id): measure must be holdings-share or items")
            }
            guard let target = string("target").flatMap(Double.init), target > 0, measure == .items || target <= 100 else {
                throw GoalsFileError(
                    file: file, message: "goal \(id): target must be a positive number (a percentage up to 100 for holdings-share)")
            }
            guard let deadline = string("deadline"), day(deadline) != nil else {
                throw GoalsFileError(file: file, message: "goal \(id): deadline must be a date like 2025-12-31")
            }
            let baselineDate = string("baseline-date")
            if let baselineDate, day(baselineDate) == nil {
                throw GoalsFileError(file: file, message: "goal \(id): baseline-date must be a date like 2021-07-06")
            }
            guard let baseline = Int(string("baseline") ?? "0"), baseline >= 0 else {
                throw GoalsFileError(file: file, message: "goal \(id): baseline must be a whole number ≥ 0")
            }
            var scope = ProgressScope()
            if let scopeValue = map["scope"] {
                guard let scopeMap = scopeValue as? [String: Any] else {
                    throw GoalsFileError(file: file, message: "goal \(id): scope must be a mapping (libraries, special-value, types)")
                }
                for (key, value) in scopeMap {
                    let values = (value as? [Any])?.map { "\($0)" } ?? ["\(value)"]
                    switch key {
                    case "libraries": scope.libraryCodes = values.map { $0.uppercased() }
                    case "special-value": scope.specialValueOnly = HoldingValues.flag("\(value)") ?? false
                    case "types":
                        scope.collectionTypes = try values.map { text throws(GoalsFileError) in
                            guard let type = HoldingRecord.CollectionType(rawValue: text) ?? HoldingValues.collectionType(text) else {
                                throw GoalsFileError(file: file, message: "goal \(id): unknown collection type '\(text)' in scope")
                            }
                            return type
                        }
                    default:
                        throw GoalsFileError(
                            file: file, message: "goal \(id): unknown scope key '\(key)'; allowed: libraries, special-value, types")
                    }
                }
            }
            goals.append(
                Goal(
                    id: id, name: string("name") ?? id, measure: measure, target: target, deadline: deadline, scope: scope,
                    baseline: baseline, baselineDate: baselineDate))
        }
        return Contents(goals: goals, usageTargets: try UsageTargets.read(root[UsageTargets.key], file: file))
    }

    /// The start of day `text` (`yyyy-MM-dd`) in UTC.
    public static func day(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.date(from: text)
    }

    /// `yyyy-MM-dd` of `date` in UTC.
    public static func dayText(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }

    /// YAML may read an unquoted date as a `Date`; give it back as text.
    static func dayText(_ value: Any) -> String {
        if let date = value as? Date { return dayText(date) }
        return "\(value)"
    }
}
