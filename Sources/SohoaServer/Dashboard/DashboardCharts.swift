import Foundation

/// Inline SVG charts for the dashboard, built as `HTML` (labels escaped). They carry no `style`
/// attribute and no script (the CSP forbids both): colours come from classes in `public.css`.
/// Every mark also shows its number as text, and carries it in `data-*` attributes.
enum DashboardCharts {
    /// One horizontal bar: `percent` filled (0–100), an optional target marker, a caption after it.
    struct Bar {
        var label: String
        var percent: Double
        var target: Double?
        var caption: String
        var key: String
        var value: String
    }

    static func bars(_ bars: [Bar], title: String, id: String) -> HTML {
        let rowHeight = 30
        let labelWidth = 220
        let barWidth = 320
        let height = 28 + bars.count * rowHeight + 4
        let marks = bars.enumerated().map { index, bar -> HTML in
            let y = 28 + index * rowHeight
            let filled = max(0, min(Double(barWidth), bar.percent / 100 * Double(barWidth)))
            let target: HTML =
                bar.target.map { target -> HTML in
                    let x = format(Double(labelWidth) + min(100, max(0, target)) / 100 * Double(barWidth))
                    return "<line x1=\"\(x)\" y1=\"\(y)\" x2=\"\(x)\" y2=\"\(y + 24)\" class=\"target\"/>"
                } ?? .empty
            return """
                <g class="bar" data-key="\(bar.key)" data-value="\(bar.value)">\
                <text x="0" y="\(y + 16)" class="label">\(truncate(bar.label, 30))</text>\
                <rect x="\(labelWidth)" y="\(y + 3)" width="\(barWidth)" height="18" class="track"/>\
                <rect x="\(labelWidth)" y="\(y + 3)" width="\(format(filled))" height="18" class="fill"/>\(target)\
                <text x="\(labelWidth + barWidth + 8)" y="\(y + 16)" class="value">\(bar.caption)</text></g>
                """
        }
        return """
            <svg id="\(id)" class="chart" role="img" aria-label="\(title)" viewBox="0 0 760 \(height)" width="100%">\
            <title>\(title)</title><text x="0" y="16" class="chart-title">\(title)</text>\(marks)</svg>
            """
    }

    /// Twelve vertical bars, one per month, each labelled with its value.
    static func months(_ values: [Int], title: String, id: String, language: UILanguage) -> HTML {
        let chartTop = 36
        let chartHeight = 120
        let slot = 56
        let left = 40
        let top = max(1, values.max() ?? 1)
        let marks = values.enumerated().map { index, value -> HTML in
            let h = Double(value) / Double(top) * Double(chartHeight)
            let x = left + index * slot + 8
            let y = Double(chartTop + chartHeight) - h
            return """
                <g class="month" data-month="\(index + 1)" data-value="\(value)">\
                <rect x="\(x)" y="\(format(y))" width="40" height="\(format(h))" class="fill"/>\
                <text x="\(x + 20)" y="\(format(y - 4))" class="value" text-anchor="middle">\(DashboardNumbers.text(value, language))</text>\
                <text x="\(x + 20)" y="\(chartTop + chartHeight + 16)" class="label" text-anchor="middle">\(language.pick("T", "M"))\(index + 1)</text></g>
                """
        }
        return """
            <svg id="\(id)" class="chart" role="img" aria-label="\(title)" viewBox="0 0 760 190" width="100%">\
            <title>\(title)</title><text x="0" y="16" class="chart-title">\(title)</text>\
            <line x1="\(left)" y1="\(chartTop + chartHeight)" x2="\(left + 12 * slot)" y2="\(chartTop + chartHeight)" class="axis"/>\(marks)</svg>
            """
    }

    private static func format(_ value: Double) -> String {
        String(format: "%.1f", value)
    }

    private static func truncate(_ text: String, _ length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }
}
