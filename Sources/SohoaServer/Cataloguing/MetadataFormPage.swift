import Foundation
import SohoaCatalog
import SohoaCollection

/// `/items/<item-id>/metadata`: the form in which an archivist edits an item's description, with
/// the values typed kept and each refused field's reason beside it.
struct MetadataFormPage {
    /// A notice above the form.
    enum Notice: Equatable {
        /// Saved as this version (nil: nothing had changed).
        case saved(version: String?)
        /// Someone saved the item since the form was opened.
        case conflict
        /// Some fields were refused (their reasons are beside them).
        case refused
        /// The server could not save.
        case failed
    }

    var itemID: String
    /// The values shown, by field (as typed, or as archived).
    var values: [MetadataField: String]
    /// The archive version the form edits.
    var version: String
    var problems: [MetadataField: MetadataFieldError] = [:]
    var notice: Notice?

    /// The form for `description`, archived as `version`.
    init(itemID: String, description: ItemDescription, version: String, notice: Notice? = nil) {
        self.itemID = itemID
        values = Dictionary(uniqueKeysWithValues: MetadataField.allCases.map { ($0, $0.text(of: description)) })
        self.version = version
        self.notice = notice
    }

    /// The form's path for an item.
    static func path(_ itemID: String) -> String { URLPath.item(itemID) + "/metadata" }

    func render(context: AppRequestContext) -> HTML {
        let language = context.language
        let rows = MetadataField.allCases.map { row($0, language: language) }
        let body: HTML = """
            \(noticeHTML(language))
            <p><a href="\(URLPath.item(itemID))">\(language.pick("Xem trang tài liệu", "View the item page"))</a></p>
            <form method="post" action="\(Self.path(itemID))" class="metadata">
            \(context.csrfField)
            <input type="hidden" name="version" value="\(version)">
            <table class="item-facts">\(rows)</table>
            <div class="actions"><button type="submit">\(language.pick("Lưu", "Save"))</button></div>
            </form>
            """
        return PageLayout.page(
            title: language.pick("Sửa mô tả", "Edit the description") + ": " + (values[.title] ?? itemID), context: context, body: body)
    }

    private func noticeHTML(_ language: UILanguage) -> HTML {
        switch notice {
        case .saved(let version?):
            "<p class=\"notice\" role=\"status\">\(language.pick("Đã lưu: phiên bản lưu trữ", "Saved: archive version")) \(version)</p>"
        case .saved(nil):
            "<p class=\"notice\" role=\"status\">\(language.pick("Không có gì thay đổi.", "Nothing had changed."))</p>"
        case .conflict:
            """
            <p class="error" role="alert">\(language.pick(
                "Người khác vừa sửa tài liệu này; chưa lưu gì. Hãy mở lại biểu mẫu và sửa lại.",
                "Someone else has just changed this item; nothing was saved. Open the form again and redo the change."))</p>
            """
        case .refused:
            "<p class=\"error\" role=\"alert\">\(language.pick("Chưa lưu: hãy sửa các ô được đánh dấu.", "Not saved: mend the fields marked."))</p>"
        case .failed:
            """
            <p class="error" role="alert">\(language.pick(
                "Máy chủ không lưu được; xin thử lại, nếu vẫn lỗi hãy báo quản trị viên.",
                "The server could not save; try again, and tell the administrator if it persists."))</p>
            """
        case nil: .empty
        }
    }

    private func row(_ field: MetadataField, language: UILanguage) -> HTML {
        let name = field.header
        let value = values[field] ?? ""
        let input: HTML
        switch field {
        case .description:
            input = "<textarea id=\"f-\(name)\" name=\"\(name)\" rows=\"4\" cols=\"60\">\(value)</textarea>"
        case .library:
            input = "<input type=\"hidden\" name=\"\(name)\" value=\"\(value)\"><span id=\"f-\(name)\">\(value)</span>"
        case .rights:
            var options: [HTML] = [
                "<option value=\"\">\(language.pick("— theo mặc định của thư viện —", "— the library's default —"))</option>"
            ]
            let current = RightsStatement(value)
            if current == nil && !value.isEmpty { options.append("<option value=\"\(value)\" selected>\(value)</option>") }
            for statement in RightsStatement.known {
                let selected: HTML = statement == current ? " selected" : .empty
                options.append(
                    "<option value=\"\(statement.uri)\"\(selected)>\(language.pick(statement.vietnamese, statement.english))</option>")
            }
            input = "<select id=\"f-\(name)\" name=\"\(name)\">\(options)</select>"
        case .access:
            let levels: [(AccessLevel, String, String)] = [
                (.public, "Công khai", "Public"), (.restricted, "Hạn chế (người đã đăng nhập)", "Restricted (signed-in users)"),
                (.closed, "Đóng (không phục vụ)", "Closed (never served)"),
            ]
            let options = levels.map { level, vi, en -> HTML in
                "<option value=\"\(level.rawValue)\"\(value == level.rawValue ? " selected" : "")>\(language.pick(vi, en))</option>"
            }
            input = "<select id=\"f-\(name)\" name=\"\(name)\">\(options)</select>"
        default:
            let required: HTML = field == .title ? " required" : .empty
            input = "<input type=\"text\" id=\"f-\(name)\" name=\"\(name)\" value=\"\(value)\" size=\"60\"\(required)>"
        }
        let hint: HTML =
            switch field {
            case .date: "<br><small class=\"muted\">1925, 1925-05-02, 1925-1930, [1925?], [192-], [18--]</small>"
            case .language: "<br><small class=\"muted\">vie, eng, chi… \(language.pick("nối bằng +", "joined by +"))</small>"
            case .subject: "<br><small class=\"muted\">\(language.pick("ngăn cách bằng ;", "separated by ;"))</small>"
            case .serial: "<br><small class=\"muted\">bao-lai-chau</small>"
            case .issueDate: "<br><small class=\"muted\">1958-03-15, 1958-03, 1958</small>"
            default: .empty
            }
        let problem: HTML = problems[field].map { "<br><span class=\"error\">\(Self.message($0, language))</span>" } ?? .empty
        return """
            <tr><th><label for="f-\(name)">\(language.pick(field.vietnamese, field.english))</label></th>\
            <td>\(input)\(hint)\(problem)</td></tr>
            """
    }

    /// Why a field was refused, in the page's language.
    static func message(_ error: MetadataFieldError, _ language: UILanguage) -> String {
        guard language == .vi else { return error.message }
        switch error.field {
        case .title: return "Nhan đề không được để trống."
        case .date: return "Thời gian không hợp lệ: viết 1925, 1925-05-02, 1925-1930, [1925?], [192-] hoặc [18--]."
        case .rights: return "Không nhận ra quyền này: chọn trong danh sách (RightsStatements.org hoặc Creative Commons)."
        case .language: return "Mã ngôn ngữ không hợp lệ: viết mã ISO 639 như vie, eng, chi, nối bằng +."
        case .library: return "Không đổi được thư viện của tài liệu đã lưu trữ (là một phần của mã lưu trữ)."
        case .access: return "Quyền truy cập phải là công khai, hạn chế hoặc đóng."
        case .serial: return "Mã báo phải là chữ thường không dấu, chữ số và -, bắt đầu bằng chữ (ví dụ bao-lai-chau)."
        case .issueDate: return "Ngày phát hành không hợp lệ: viết 1958-03-15 (hoặc 1958-03, 1958)."
        default: return error.message
        }
    }
}
