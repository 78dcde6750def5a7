/// The one style sheet, small and plain, served as `/static/sohoa.css`.
enum StyleSheet {
    static let main = StaticAsset(
        contentType: "text/css; charset=utf-8",
        text: """
            *{box-sizing:border-box}
            body{margin:0;font:16px/1.5 "Noto Sans","DejaVu Sans",Arial,sans-serif;color:#1d1d1d;background:#fafaf7}
            header.top{display:flex;flex-wrap:wrap;gap:1em;align-items:center;padding:.5em 1em;background:#7a1f1f;color:#fff}
            header.top a{color:#fff}
            header.top .brand{font-weight:bold;text-decoration:none}
            header.top nav{flex:1}
            header.top nav a{margin-right:1em}
            header.top button{font:inherit;background:none;border:1px solid #fff;color:#fff;border-radius:3px;cursor:pointer}
            form.inline{display:inline}
            main{max-width:1200px;margin:0 auto;padding:1em}
            h1{font-size:1.5em;margin:.3em 0 .6em}
            a{color:#7a1f1f}
            table{border-collapse:collapse;width:100%}
            th,td{border-bottom:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}
            th{background:#f0ece4}
            td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
            input[type=text],input[type=search],input[type=password],select,textarea{font:inherit;padding:.3em;border:1px solid #999;border-radius:3px}
            button,input[type=submit]{font:inherit;padding:.3em .9em;border:1px solid #7a1f1f;background:#7a1f1f;color:#fff;border-radius:3px;cursor:pointer}
            button.secondary{background:#fff;color:#7a1f1f}
            .notice{padding:.6em 1em;border-radius:3px;background:#e8f3e8;border:1px solid #8bc28b}
            .error{padding:.6em 1em;border-radius:3px;background:#fbeaea;border:1px solid #d88}
            .muted,.detail{color:#666}
            mark{background:#ffe58a;padding:0 .1em}
            .hits li{margin-bottom:1em}
            .pager a,.pager span{margin-right:.6em}
            .bar{background:#e6e1d6;height:1.1em;border-radius:2px;position:relative;min-width:8em}
            .bar>span{display:block;height:100%;background:#2e7d32;border-radius:2px}
            .bar>i{position:absolute;top:-.2em;bottom:-.2em;width:2px;background:#7a1f1f}
            """)
}
