import Foundation

/// Inline SVG charts for the yearly report. Every mark carries its number as `data-*` attributes
/// and as visible text, so the chart can be checked and read without colour.
enum ReportCharts {
    /// One horizontal bar per line: `value` of `scale`, with an optional target marker (0–100 %).
    struct Bar {
        var label: String
        /// Filled share, 0–100 %.
        var percent: Double
        /// Where the target marker sits, 0–100 %, if any.
        var target: Double?
        /// The text after the bar, e.g. `35 / 120 (29,2%)`.
        var caption: String
        /// Attributes for checking, e.g. `["goal": "x", "done": "35"]`.
        var data: [(String, String)]
    }

    /// With `labelsAbove`, each label gets its own line above its bar (for long goal names).
    static func horizontalBars(_ bars: [Bar], title: String, id: String, labelsAbove: Bool = false) -> String {
        let rowHeight = labelsAbove ? 50 : 34
        let labelWidth = labelsAbove ? 0 : 230
        let barWidth = labelsAbove ? 480 : 300
        let width = 760
        let height = 30 + bars.count * rowHeight + 6
        var svg =
            "<svg id=\"\(id)\" class=\"chart\" role=\"img\" aria-label=\"\(ReportHTML.escape(title))\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\">"
        svg += "<title>\(ReportHTML.escape(title))</title>"
        svg += "<text x=\"0\" y=\"16\" class=\"chart-title\">\(ReportHTML.escape(title))</text>"
        for (index, bar) in bars.enumerated() {
            let y = 30 + index * rowHeight + (labelsAbove ? 16 : 0)
            let filled = max(0, min(Double(barWidth), bar.percent / 100 * Double(barWidth)))
            let attributes = bar.data.map { " data-\($0.0)=\"\(ReportHTML.escape($0.1))\"" }.joined()
            svg += "<g class=\"bar\"\(attributes)>"
            svg +=
                labelsAbove
                ? "<text x=\"0\" y=\"\(y - 2)\" class=\"label\">\(ReportHTML.escape(truncate(bar.label, 120)))</text>"
                : "<text x=\"0\" y=\"\(y + 17)\" class=\"label\">\(ReportHTML.escape(truncate(bar.label, 34)))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(barWidth)\" height=\"18\" class=\"track\"/>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(String(format: "%.1f", filled))\" height=\"18\" class=\"fill\"/>"
            if let target = bar.target {
                let x = Double(labelWidth) + min(100, target) / 100 * Double(barWidth)
                svg +=
                    "<line x1=\"\(String(format: "%.1f", x))\" y1=\"\(y)\" x2=\"\(String(format: "%.1f", x))\" y2=\"\(y + 26)\" class=\"target\"/>"
            }
            svg += "<text x=\"\(labelWidth + barWidth + 8)\" y=\"\(y + 17)\" class=\"value\">\(ReportHTML.escape(bar.caption))</text>"
            svg += "</g>"
        }
        return svg + "</svg>"
    }

    /// Twelve vertical bars, one per month, each labelled with its value.
    static func months(_ values: [Int], title: String, id: String, attribute: String) -> String {
        let width = 760
        let height = 220
        let chartTop = 40
        let chartHeight = 140
        let slot = 56
        let left = 40
        let top = max(1, values.max() ?? 1)
        var svg =
            "<svg id=\"\(id)\" class=\"chart\" role=\"img\" aria-label=\"\(ReportHTML.escape(title))\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\">"
        svg += "<title>\(ReportHTML.escape(title))</title>"
        svg += "<text x=\"0\" y=\"16\" class=\"chart-title\">\(ReportHTML.escape(title))</text>"
        svg +=
            "<line x1=\"\(left)\" y1=\"\(chartTop + chartHeight)\" x2=\"\(left + 12 * slot)\" y2=\"\(chartTop + chartHeight)\" class=\"axis\"/>"
        for (index, value) in values.enumerated() {
            let h = Double(value) / Double(top) * Double(chartHeight)
            let x = left + index * slot + 8
            let y = Double(chartTop + chartHeight) - h
            svg += "<g class=\"month\" data-month=\"\(index + 1)\" data-\(attribute)=\"\(value)\">"
            svg +=
                "<rect x=\"\(x)\" y=\"\(String(format: "%.1f", y))\" width=\"40\" height=\"\(String(format: "%.1f", h))\" class=\"fill\"/>"
            svg += "<text x=\"\(x + 20)\" y=\"\(String(format: "%.1f", y - 4))\" class=\"value\" text-anchor=\"middle\">\(value)</text>"
            svg += "<text x=\"\(x + 20)\" y=\"\(chartTop + chartHeight + 16)\" class=\"label\" text-anchor=\"middle\">T\(index + 1)</text>"
            svg += "</g>"
        }
        return svg + "</svg>"
    }

    static func truncate(_ text: String, _ length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }
}
