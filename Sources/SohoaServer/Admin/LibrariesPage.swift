import Foundation
import SohoaCatalog

/// `/admin/libraries`: the network's libraries in a table, each with a form to rename it, and a form
/// to add one. Vietnamese first; the values typed are kept when a form is refused.
struct LibrariesPage {
    var libraries: [LibraryRecord]
    /// A notice above the table: (text, is it a problem?).
    var notice: (text: String, problem: Bool)?
    /// What the add form shows (as typed, after a refusal).
    var typed = Typed()

    /// The add form's values.
    struct Typed {
        var code = ""
        var name = ""
        var district = ""
        var provincial = false
    }

    /// The page's path.
    static let path = "/admin/libraries"

    func render(context: AppRequestContext) -> HTML {
        let language = context.language
        let rows = libraries.map { row($0, context: context) }
        let noticeHTML: HTML =
            notice.map { notice in
                notice.problem
                    ? "<p class=\"error\" role=\"alert\">\(notice.text)</p>" : "<p class=\"notice\" role=\"status\">\(notice.text)</p>"
            } ?? .empty
        let checked: HTML = typed.provincial ? " checked" : .empty
        let body: HTML = """
            \(noticeHTML)
            <table class="libraries"><thead><tr><th>\(language.pick("Mã", "Code"))</th>\
            <th>\(language.pick("Tên thư viện", "Name"))</th><th>\(language.pick("Huyện", "District"))</th>\
            <th>\(language.pick("Thư viện tỉnh", "Provincial"))</th><th></th></tr></thead>
            <tbody>\(rows)</tbody></table>
            <h2>\(language.pick("Thêm thư viện", "Add a library"))</h2>
            <form method="post" action="\(Self.path)" class="add-library">
            \(context.csrfField)
            <table class="item-facts">
            <tr><th><label for="f-code">\(language.pick("Mã thư viện", "Library code"))</label></th>\
            <td><input type="text" id="f-code" name="code" value="\(typed.code)" size="12" required>\
            <br><small class="muted">\(language.pick("chữ A–Z, chữ số, - hoặc _ (ví dụ TUY)", "letters A–Z, digits, - or _ (e.g. TUY)"))</small></td></tr>
            <tr><th><label for="f-name">\(language.pick("Tên thư viện", "Name"))</label></th>\
            <td><input type="text" id="f-name" name="name" value="\(typed.name)" size="50" required></td></tr>
            <tr><th><label for="f-district">\(language.pick("Huyện", "District"))</label></th>\
            <td><input type="text" id="f-district" name="district" value="\(typed.district)" size="30"></td></tr>
            <tr><th><label for="f-provincial">\(language.pick("Thư viện tỉnh", "Provincial library"))</label></th>\
            <td><input type="checkbox" id="f-provincial" name="provincial" value="1"\(checked)></td></tr>
            </table>
            <div class="actions"><button type="submit">\(language.pick("Thêm", "Add"))</button></div>
            </form>
            """
        return PageLayout.page(
            title: language.pick("Các thư viện trong mạng lưới", "The network's libraries"), context: context, body: body)
    }

    /// A library with its rename form.
    private func row(_ library: LibraryRecord, context: AppRequestContext) -> HTML {
        let language = context.language
        let form = "rename-\(library.code)"
        let provincial: HTML = library.provincial ? "\(language.pick("có", "yes"))" : .empty
        return """
            <tr data-code="\(library.code)"><td>\(library.code)</td>\
            <td><input type="text" name="name" value="\(library.name)" size="40" form="\(form)" required \
            aria-label="\(language.pick("Tên thư viện", "Name")) \(library.code)"></td>\
            <td><input type="text" name="district" value="\(library.district ?? "")" size="20" form="\(form)" \
            aria-label="\(language.pick("Huyện", "District")) \(library.code)"></td><td>\(provincial)</td>\
            <td><form method="post" action="\(Self.path)/\(URLPath.component(library.code))" id="\(form)" class="inline">\
            \(context.csrfField)<button type="submit">\(language.pick("Đổi tên", "Rename"))</button></form></td></tr>
            """
    }
}
