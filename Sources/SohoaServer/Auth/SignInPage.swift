/// The sign-in page: name, password, and where to go afterwards.
enum SignInPage {
    /// The page; `error` is shown above the form, `name` refills the name field.
    static func page(context: AppRequestContext, next: String?, name: String = "", error: String? = nil) -> HTML {
        let language = context.language
        let problem: HTML = error.map { "<p class=\"error\" role=\"alert\">\($0)</p>" } ?? .empty
        let already: HTML =
            context.user.map { user in
                "<p class=\"notice\">\(language.pick("Bạn đang đăng nhập với tên", "You are signed in as")) \(user.displayName ?? user.name).</p>"
            } ?? .empty
        let nextField: HTML = next.map { "<input type=\"hidden\" name=\"next\" value=\"\($0)\">" } ?? .empty
        let body: HTML = """
            \(already)\(problem)
            <form method="post" action="/login" class="sign-in">
            \(context.csrfField)\(nextField)
            <p><label for="name">\(language.pick("Tên đăng nhập", "User name"))</label><br>
            <input type="text" id="name" name="name" value="\(name)" autocomplete="username" autocapitalize="none" required autofocus></p>
            <p><label for="password">\(language.pick("Mật khẩu", "Password"))</label><br>
            <input type="password" id="password" name="password" autocomplete="current-password" required></p>
            <p><button type="submit">\(language.pick("Đăng nhập", "Sign in"))</button></p>
            </form>
            """
        return PageLayout.page(title: language.pick("Đăng nhập", "Sign in"), context: context, body: body)
    }

    /// The message for any failed sign-in: it does not say whether the name exists.
    static func failureMessage(_ language: UILanguage) -> String {
        language.pick(
            "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khóa. Hãy thử lại hoặc hỏi quản trị viên.",
            "The user name or password is wrong, or the account is disabled. Try again, or ask the administrator.")
    }
}
