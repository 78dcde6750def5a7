/// The style sheet of the public pages and the dashboard, served as `/static/public.css`.
enum PublicStyle {
    /// Where pages link it from.
    static let url = "/static/public.css"

    static let asset = StaticAsset(
        contentType: "text/css; charset=utf-8",
        text: """
            .visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
            form.search{margin:0 0 1em}
            .search-box{display:flex;gap:.5em;margin:.2em 0}
            .search-box input[type=search]{flex:1;font-size:1.1em}
            .filters{display:flex;flex-wrap:wrap;gap:.4em 1.2em;margin:.3em 0;font-size:.95em}
            .filters input.year{width:6em}
            .count{color:#444}
            ol.hits{padding-left:1.5em}
            li.hit>*{vertical-align:top}
            li.hit .thumb{float:left;margin:0 .8em .4em 0}
            li.hit .thumb img{border:1px solid #ccc;background:#fff;max-height:80px;object-fit:cover}
            li.hit .title{font-weight:bold}
            li.hit::after{content:"";display:block;clear:both}
            .snippet{margin:.2em 0}
            .badge{font-size:.8em;padding:0 .4em;border:1px solid #7a1f1f;border-radius:3px;color:#7a1f1f}
            .columns{display:flex;flex-wrap:wrap;gap:2em}
            .columns>table{flex:1;min-width:18em;width:auto}
            table.item-facts{width:auto;margin-bottom:1em}
            table.item-facts th{width:11em}
            a.button{display:inline-block;padding:.3em .9em;border:1px solid #7a1f1f;background:#7a1f1f;color:#fff;border-radius:3px;text-decoration:none}
            .page-index ol{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.3em}
            .page-index a{display:inline-block;min-width:2.2em;text-align:center;border:1px solid #ccc;border-radius:3px;text-decoration:none}
            section.page{border-top:1px solid #ddd;padding-top:.5em;margin-top:1em}
            section.page h2{font-size:1.1em}
            .page-body{display:flex;flex-wrap:wrap;gap:1em;align-items:flex-start}
            .page-image{border:1px solid #ccc;background:#fff;max-width:100%;height:auto}
            .page-body .text{flex:1;min-width:16em}
            pre.page-text{white-space:pre-wrap;font:inherit;margin:0;background:#fff;border:1px solid #eee;padding:.5em;max-height:32em;overflow:auto}
            .goal{border:1px solid #ddd;background:#fff;border-radius:4px;padding:.6em 1em;margin:0 0 1em}
            .goal h3{margin:.2em 0;font-size:1.05em}
            .status{font-weight:bold;padding:0 .4em;border-radius:3px}
            .status.reached,.status.on-track{background:#e8f3e8;color:#1b5e20}
            .status.behind,.status.stalled{background:#fff4d6;color:#7a5200}
            .status.overdue{background:#fbeaea;color:#8b1a1a}
            dl.figures{display:grid;grid-template-columns:max-content 1fr;gap:.1em 1em;margin:.4em 0}
            dl.figures dt{color:#555}
            dl.figures dd{margin:0}
            svg.chart{max-width:760px;display:block;margin:.5em 0}
            svg.chart text{font-size:13px;fill:#1d1d1d}
            svg.chart .chart-title{font-weight:bold}
            svg.chart .track{fill:#e6e1d6}
            svg.chart .fill{fill:#2e7d32}
            svg.chart .target{stroke:#7a1f1f;stroke-width:2}
            svg.chart .axis{stroke:#999}
            .report-links{display:flex;flex-wrap:wrap;gap:.5em 1.5em;align-items:center}
            """)
}
