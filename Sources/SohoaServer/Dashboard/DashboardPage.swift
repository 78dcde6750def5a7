import Foundation
import SohoaCatalog
import SohoaCollection

/// `/dashboard`: each goal with its figures, pace, projection and breakdowns; this year's months;
/// recent batches, the work queue of distributed runs (when the server has one), failures and fixity
/// audits; the yearly report to download.
enum DashboardPage {
    static func html(_ data: DashboardData, context: AppRequestContext) -> HTML {
        let language = context.language
        var sections: [HTML] = []
        if let problem = data.goalsProblem {
            sections.append(
                "<p class=\"error\">\(language.pick("Không đọc được tệp mục tiêu:", "The goals file cannot be read:")) \(problem)</p>")
        }
        if let library = data.ownLibrary, let own = data.ownLibraryGoals {
            // A district manager: their library's figures first, the province's below.
            let goals = own.goals.enumerated().map { index, goal in
                // Counted by type (one library: no breakdown by library).
                var overall = goal
                overall.breakdown = nil
                return goalSection(overall, byType: goal.breakdown ?? [], index: 100 + index, language: language)
            }
            let note = language.pick(
                "Cùng các mục tiêu, chỉ tính tài liệu của thư viện này.", "The same goals, counting this library's documents only.")
            sections.append(
                """
                <section class="goals" id="own-library"><h2>\(language.pick("Thư viện của bạn", "Your library")): \
                \(library.name) (\(library.code))</h2><p class="muted">\(note)</p>\(goals)</section>
                """)
        }
        if let byLibrary = data.byLibrary {
            let types = data.byType?.goals ?? []
            let goals = byLibrary.goals.enumerated().map { index, goal in
                goalSection(goal, byType: index < types.count ? types[index].breakdown ?? [] : [], index: index, language: language)
            }
            let source = byLibrary.goalsFile ?? language.pick("mặc định theo kế hoạch", "the plan's defaults")
            let title =
                data.ownLibrary == nil
                ? language.pick("Tiến độ so với mục tiêu", "Progress toward the goals")
                : language.pick("Toàn tỉnh", "The whole province")
            sections.append(
                """
                <section class="goals" id="province"><h2>\(title)</h2>\
                <p class="muted">\(language.pick("Mục tiêu", "Goals")): \(source) · \(language.pick("Sổ đăng ký", "Register")): \
                \(DashboardNumbers.text(byLibrary.holdingsInRegister, language)) · \(language.pick("tính đến", "as of")) \
                \(DashboardNumbers.dateTime(byLibrary.asOf)) UTC</p>\(goals)</section>
                """)
        }
        sections.append(monthsSection(data, language: language))
        if let usage = data.usage { sections.append(usageSection(usage, library: data.ownLibrary, language: language)) }
        sections.append(batchesSection(data.batches, language: language))
        if let queue = data.queue { sections.append(queueSection(queue, language: language)) }
        sections.append(failuresSection(data.failures, language: language))
        sections.append(auditsSection(data.audits, language: language))
        sections.append(reportSection(year: data.year, language: language))
        return HTML.join(sections, separator: "\n")
    }

    static func statusText(_ status: GoalProgress.Status, _ language: UILanguage) -> String {
        switch status {
        case .reached: language.pick("Đã đạt", "Reached")
        case .noRegister: language.pick("Chưa có sổ đăng ký tài liệu (sohoa holdings import)", "No register yet (sohoa holdings import)")
        case .onTrack: language.pick("Kịp hạn", "On track")
        case .behind: language.pick("Chậm so với hạn", "Behind")
        case .stalled: language.pick("Không có tiến độ 90 ngày qua", "No progress in 90 days")
        case .overdue: language.pick("Quá hạn", "Overdue")
        }
    }

    private static func goalSection(_ g: GoalProgress, byType: [ProgressRow], index: Int, language: UILanguage) -> HTML {
        func n(_ value: Int) -> String { DashboardNumbers.text(value, language) }
        func d(_ value: Double) -> String { DashboardNumbers.text(value, language) }
        let isShare = g.goal.measure == .holdingsShare
        let unit = isShare ? language.pick("tài liệu trong sổ", "holdings") : language.pick("tài liệu số", "items")
        let figure = isShare ? "\(n(g.done)) / \(n(g.total ?? 0)) \(unit) (\(d(g.percent))%)" : "\(n(g.done)) / \(n(g.targetCount)) \(unit)"
        let target = isShare ? "\(d(g.goal.target))% = \(n(g.targetCount)) \(unit)" : "\(n(g.targetCount)) \(unit)"
        var facts: [(String, String)] = [
            (language.pick("Đạt", "Done"), figure),
            (language.pick("Mục tiêu", "Target"), "\(target), \(language.pick("hạn", "deadline")) \(g.goal.deadline)"),
            (language.pick("Còn thiếu", "Gap"), "\(n(g.gap)) \(unit)"),
            (
                language.pick("Tốc độ 30 ngày", "Pace, 30 days"),
                "\(d(g.pace30.unitsPerWeek)) \(unit), \(d(g.pace30.pagesPerWeek)) \(language.pick("trang", "pages")) / \(language.pick("tuần", "week"))"
            ),
            (
                language.pick("Tốc độ 90 ngày", "Pace, 90 days"),
                "\(d(g.pace90.unitsPerWeek)) \(unit), \(d(g.pace90.pagesPerWeek)) \(language.pick("trang", "pages")) / \(language.pick("tuần", "week"))"
            ),
            (language.pick("Dự báo đạt", "Projected"), g.projectedDate ?? "—"),
        ]
        if let needed = g.neededPerWeek {
            facts.append((language.pick("Cần mỗi tuần", "Needed per week"), "\(d(needed)) \(unit)"))
        }
        let list = facts.map { "<dt>\($0.0)</dt><dd>\($0.1)</dd>" as HTML }
        let overall = DashboardCharts.bars(
            [
                DashboardCharts.Bar(
                    label: language.pick("Toàn bộ", "Overall"), percent: isShare ? g.percent : g.percentOfTarget,
                    target: isShare ? g.goal.target : 100, caption: isShare ? "\(d(g.percent))%" : "\(d(g.percentOfTarget))%",
                    key: g.goal.id, value: "\(g.done)")
            ], title: language.pick("Tiến độ (vạch đỏ: mục tiêu)", "Progress (red line: target)"), id: "goal-\(index)")
        let libraries = breakdownChart(
            g.breakdown ?? [], goal: g, title: language.pick("Theo thư viện", "By library"), id: "goal-\(index)-libraries",
            name: { $0 }, language: language)
        let types = breakdownChart(
            byType, goal: g, title: language.pick("Theo loại tài liệu", "By collection type"), id: "goal-\(index)-types",
            name: {
                $0 == "unlinked"
                    ? language.pick("Chưa liên kết sổ đăng ký", "Not linked to the register") : CollectionNames.type($0, language)
            },
            language: language)
        return """
            <article class="goal" data-goal="\(g.goal.id)" data-status="\(g.status.rawValue)">\
            <h3>\(g.goal.name)</h3>\
            <p><span class="status \(g.status.rawValue)">\(statusText(g.status, language))</span></p>\
            <dl class="figures">\(list)</dl>\(overall)\(libraries)\(types)</article>
            """
    }

    /// Bars per library or type: the share digitized of holdings (holdings goals), or items and pages.
    private static func breakdownChart(
        _ rows: [ProgressRow], goal: GoalProgress, title: String, id: String, name: (String) -> String, language: UILanguage
    ) -> HTML {
        guard !rows.isEmpty else { return .empty }
        let most = max(1, rows.map(\.done).max() ?? 1)
        let bars = rows.map { row -> DashboardCharts.Bar in
            if let total = row.total {
                let percent = total > 0 ? Double(row.done) / Double(total) * 100 : 0
                return DashboardCharts.Bar(
                    label: name(row.key), percent: percent, target: goal.goal.target,
                    caption:
                        "\(DashboardNumbers.text(row.done, language)) / \(DashboardNumbers.text(total, language)) (\(DashboardNumbers.text(GoalProgress.oneDecimal(percent), language))%)",
                    key: row.key, value: "\(row.done)")
            }
            return DashboardCharts.Bar(
                label: name(row.key), percent: Double(row.done) / Double(most) * 100, target: nil,
                caption:
                    "\(DashboardNumbers.text(row.done, language)) \(language.pick("tài liệu", "items")), \(DashboardNumbers.text(row.pages, language)) \(language.pick("trang", "pages"))",
                key: row.key, value: "\(row.done)")
        }
        return DashboardCharts.bars(bars, title: title, id: id)
    }

    private static func monthsSection(_ data: DashboardData, language: UILanguage) -> HTML {
        let items = DashboardCharts.months(
            data.months.map(\.items), title: language.pick("Tài liệu số lưu trữ mỗi tháng", "Items archived per month"),
            id: "months-items", language: language)
        let pages = DashboardCharts.months(
            data.months.map(\.pages), title: language.pick("Số trang lưu trữ mỗi tháng", "Pages archived per month"),
            id: "months-pages", language: language)
        return "<section><h2>\(language.pick("Năm", "Year")) \(data.year)</h2>\(items)\(pages)</section>"
    }

    private static func batchesSection(_ batches: [BatchRecord], language: UILanguage) -> HTML {
        let rows = batches.map { batch -> HTML in
            """
            <tr><td class="num">\(batch.id ?? 0)</td><td>\(batch.path)</td><td>\(batch.pipeline)</td>\
            <td>\(DashboardNumbers.dateTime(batch.startedAt))</td><td>\(batch.finishedAt.map(DashboardNumbers.dateTime) ?? "—")</td>\
            <td>\(batch.state.rawValue)</td><td class="num">\(batch.pageCount)</td><td class="num">\(batch.failureCount)</td></tr>
            """
        }
        return table(
            id: "batches", title: language.pick("Lô gần đây", "Recent batches"),
            headers: [
                "#", language.pick("Thư mục", "Folder"), language.pick("Quy trình", "Pipeline"), language.pick("Bắt đầu", "Started"),
                language.pick("Kết thúc", "Finished"), language.pick("Trạng thái", "State"), language.pick("Trang", "Pages"),
                language.pick("Lỗi", "Failures"),
            ], rows: rows, empty: language.pick("Chưa có lô nào.", "No batch yet."))
    }

    private static func failuresSection(_ failures: [FailureRecord], language: UILanguage) -> HTML {
        let rows = failures.map { failure -> HTML in
            """
            <tr><td>\(DashboardNumbers.dateTime(failure.at))</td><td>\(failure.stage.rawValue)</td><td>\(failure.filePath)\
            \(failure.pageIndex.map { " #\($0 + 1)" } ?? "")</td><td>\(failure.reason)</td></tr>
            """
        }
        return table(
            id: "failures", title: language.pick("Lỗi gần đây", "Recent failures"),
            headers: [
                language.pick("Lúc", "At"), language.pick("Bước", "Stage"), language.pick("Tệp", "File"), language.pick("Lý do", "Reason"),
            ], rows: rows, empty: language.pick("Không có lỗi.", "No failures."))
    }

    private static func auditsSection(_ audits: [AuditRecord], language: UILanguage) -> HTML {
        let rows = audits.map { audit -> HTML in
            """
            <tr><td>\(DashboardNumbers.dateTime(audit.startedAt))</td><td>\(audit.scope)</td>\
            <td class="num">\(audit.objectsChecked)</td><td class="num">\(audit.filesChecked)</td>\
            <td class="num">\(audit.findingCount)</td></tr>
            """
        }
        return table(
            id: "audits", title: language.pick("Kiểm tra toàn vẹn (fixity)", "Fixity audits"),
            headers: [
                language.pick("Lúc", "At"), language.pick("Phạm vi", "Scope"), language.pick("Đối tượng", "Objects"),
                language.pick("Tệp", "Files"), language.pick("Vấn đề", "Problems"),
            ], rows: rows, empty: language.pick("Chưa kiểm tra lần nào (chạy sohoa audit).", "No audit yet (run sohoa audit)."))
    }

    private static func reportSection(year: Int, language: UILanguage) -> HTML {
        let years = (year - 4...year).reversed().map { y -> HTML in
            "<a href=\"/dashboard/report?year=\(String(y))\" download>\(language.pick("Báo cáo năm", "Report")) \(String(y)) (HTML)</a>"
        }
        return """
            <section id="report"><h2>\(language.pick("Báo cáo năm", "Yearly report"))</h2>\
            <p class="report-links">\(years)</p>\
            <p class="muted">\(language.pick("Bảng số liệu CSV", "CSV tables")): \
            \(HTML.join(["goals", "months", "libraries", "types", "audits", "failures", "usage", "usage-months", "usage-items"].map { name -> HTML in
                "<a href=\"/dashboard/report?year=\(String(year))&amp;format=csv&amp;table=\(name)\" download>\(name).csv</a>"
            }, separator: " · "))</p></section>
            """
    }

    static func table(id: String, title: String, headers: [String], rows: [HTML], empty: String) -> HTML {
        guard !rows.isEmpty else { return "<section id=\"\(id)\"><h2>\(title)</h2><p class=\"muted\">\(empty)</p></section>" }
        let head = headers.map { "<th>\($0)</th>" as HTML }
        return "<section id=\"\(id)\"><h2>\(title)</h2><table><thead><tr>\(head)</tr></thead><tbody>\(rows)</tbody></table></section>"
    }
}
