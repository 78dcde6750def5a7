import Foundation
import SohoaCatalog

/// The frame around every HTML page: header with navigation (what the signed-in user's role may
/// open), language switch, sign-in state, and one small style sheet served inline so a page is one
/// request on a slow connection.
public enum PageLayout {
    /// A whole page. `title` goes in `<title>` and `<h1>`; `scripts` and `styles` are URLs of
    /// same-origin scripts and style sheets (the CSP forbids inline ones).
    public static func page(
        title: String, context: AppRequestContext, body: HTML, scripts: [String] = [], styles: [String] = [],
        heading: Bool = true
    ) -> HTML {
        let language = context.language
        var nav: [HTML] = [link("/", language.pick("Tìm kiếm", "Search"))]
        if let user = context.user {
            if user.role.canReview { nav.append(link("/review", language.pick("Duyệt OCR", "Review"))) }
            if user.role.canSeeDashboard { nav.append(link("/dashboard", language.pick("Tiến độ", "Dashboard"))) }
            if SubmissionRoutes.maySubmit(user.role) {
                nav.append(link(WebUploadPage.path, language.pick("Gửi lô", "Send a batch")))
                nav.append(link("/submissions", language.pick("Lô đã gửi", "Submitted batches")))
            }
            if user.role == .admin { nav.append(link(LibrariesPage.path, language.pick("Thư viện", "Libraries"))) }
        }
        let account: HTML
        if let user = context.user {
            account = """
                <form method="post" action="/logout" class="inline">\(context.csrfField)\
                <span class="who">\(user.displayName ?? user.name)</span> \
                <button type="submit">\(language.pick("Đăng xuất", "Sign out"))</button></form>
                """
        } else {
            account = "<a href=\"/login\">\(language.pick("Đăng nhập", "Sign in"))</a>"
        }
        let switchTo = language.other
        let here = context.pathWithoutLanguage
        let switchURL = here + (here.contains("?") ? "&" : "?") + "lang=\(switchTo.rawValue)"
        let scriptTags = HTML.join(
            styles.map { "<link rel=\"stylesheet\" href=\"\($0)\">" } + scripts.map { "<script src=\"\($0)\" defer></script>" })
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · sohoa</title>
            <link rel="stylesheet" href="/static/sohoa.css">
            \(scriptTags)
            </head>
            <body>
            <header class="top">
            <a class="brand" href="/">\(language.pick("Thư viện số Lai Châu", "Lai Châu Digital Library"))</a>
            <nav>\(HTML.join(nav, separator: " "))</nav>
            <span class="account">\(account) · <a href="\(switchURL)" hreflang="\(switchTo.rawValue)">\(switchTo == .en ? "English" : "Tiếng Việt")</a></span>
            </header>
            <main>
            \(heading ? "<h1>\(title)</h1>" : HTML.empty)
            \(body)
            </main>
            </body>
            </html>
            """
    }

    private static func link(_ href: String, _ text: String) -> HTML {
        "<a href=\"\(href)\">\(text)</a>"
    }
}
