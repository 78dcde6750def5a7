/// The review screens' style sheet, served as `/static/review.css`.
enum ReviewStyle {
    static let asset = StaticAsset(
        contentType: "text/css; charset=utf-8",
        text: """
            main{max-width:1600px}
            .review{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1.2em;align-items:start}
            @media (max-width:900px){.review{grid-template-columns:1fr}}
            .review-scan{position:sticky;top:.5em}
            .scan-frame{position:relative;border:1px solid #bbb;background:#fff}
            .scan-frame img{display:block;width:100%;height:auto}
            .scan-frame .boxes{display:none}
            .scan-frame.ready .boxes{display:block;position:absolute;left:0;top:0;right:0;bottom:0}
            .boxes .w{position:absolute;border:1px solid rgba(46,125,50,.45);cursor:pointer}
            .boxes .w.doubtful{background:rgba(255,193,7,.35);border-color:#b26a00}
            .boxes .w.not-vi{border:2px dashed #c62828}
            .lines mark.not-vi,.legend mark.not-vi{background:none;color:inherit;text-decoration:underline wavy #c62828;text-decoration-skip-ink:none}
            .legend{font-size:.85em;color:#555;margin:.3em 0}
            dd.suspect{color:#7a1f1f}
            section.suspects{border:1px solid #c62828;border-radius:3px;padding:.4em .8em;margin:0 0 1em;background:#fdf6f5}
            section.suspects h2{font-size:1.05em;margin:.2em 0}
            .boxes .w.current{outline:3px solid #7a1f1f;outline-offset:1px;background:rgba(122,31,31,.15)}
            dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.1em 1em;margin:0 0 .8em}
            dl.facts dt{color:#666}
            dl.facts dd{margin:0}
            .lines .block{margin:0 0 .8em;padding-left:.5em;border-left:3px solid #e6e1d6}
            .lines .line{margin:.25em 0}
            .lines label{display:block;font-size:.85em;color:#555}
            .lines label .n{color:#999;margin-right:.4em}
            .lines input.line-input{width:100%;font-size:1.05em}
            .lines input.doubtful{border-color:#b26a00;background:#fffaf0}
            .lines input.unsaved{border:2px solid #c62828;background:#fdecea}
            .lines input:focus{outline:2px solid #7a1f1f}
            .palette{display:flex;flex-wrap:wrap;gap:.25em;margin:.6em 0;padding:.4em;background:#f0ece4;border-radius:3px}
            .palette .key{min-width:2.2em;padding:.2em .4em;background:#fff;color:#1d1d1d;border:1px solid #999}
            .palette .key:focus{outline:2px solid #7a1f1f}
            .palette .sep{width:1em}
            .actions{display:flex;gap:.6em;flex-wrap:wrap;margin:.8em 0}
            details.rescan{margin:1em 0;padding:.5em;border:1px solid #ddd;border-radius:3px}
            details.rescan textarea{width:100%;margin:.3em 0}
            .review-nav a{margin-right:.5em}
            .keys{font-size:.85em}
            form.filters{display:flex;flex-wrap:wrap;gap:.8em;align-items:end;margin:0 0 1em}
            .queue-tabs{margin:.5em 0 1em}
            .queue-tabs .current{color:#7a1f1f}
            ul.orphans{margin:.3em 0}
            """)
}
