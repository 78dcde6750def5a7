import Foundation
import SohoaCatalog

/// `/items/<id>/structure`: the archivist's page for an item's page labels and table of contents —
/// a row per scan with its thumbnail, its printed label, and the sections that start on it.
struct StructurePageView {
    /// A scan of the item as the page lists it.
    struct Scan {
        var pageID: Int64
        var name: String
    }

    var item: ItemRecord
    var scans: [Scan]
    var form: StructureForm
    var rules: String = ""
    /// A message above the form (saved, or what to fix).
    var notice: (text: String, isProblem: Bool)?

    func render(context: AppRequestContext) -> HTML {
        let language = context.language
        let notice: HTML =
            self.notice.map {
                "<p class=\"\($0.isProblem ? "notice problem" : "notice")\" role=\"\($0.isProblem ? "alert" : "status")\">\($0.text)</p>"
            } ?? .empty
        let rows = scans.enumerated().map { index, scan in row(index, scan, language: language) }
        let body: HTML = """
            <p><a href="\(URLPath.item(item.id))">\(language.pick("← Trang tài liệu", "← Item page"))</a></p>
            \(notice)
            <form method="post" action="\(StructureRoutes.path(item.id))" class="structure">\(context.csrfField)
            <fieldset class="rules"><legend>\(language.pick("Đánh số trang theo quy tắc", "Label pages by rule"))</legend>
            <p class="muted">\(language.pick(
                "Mỗi quy tắc: số thứ tự ảnh, dấu hai chấm, số in trên trang đó. Ví dụ: 1: Bìa, 2: i, 6: 1, 40: Trang trắng, 41: 12a",
                "Each rule: the scan's position, a colon, the label printed on it. E.g. 1: Bìa, 2: i, 6: 1, 40: Trang trắng, 41: 12a"))</p>
            <input type="text" name="rules" value="\(rules)" size="60" aria-label="\(language.pick("Quy tắc", "Rules"))">
            <button type="submit" name="action" value="rules">\(language.pick("Áp dụng quy tắc", "Apply the rules"))</button>
            </fieldset>
            <p class="muted">\(language.pick(
                "Mục lục: gõ tiêu đề của mục ở ảnh mà mục bắt đầu; chọn cấp 2 cho mục con. Để trống ô tiêu đề để xóa mục.",
                "Contents: type a section's title on the scan it starts on; choose level 2 for a sub-section. Empty a title to remove the section."))</p>
            <table class="structure-pages">
            <thead><tr><th>\(language.pick("Ảnh", "Scan"))</th><th>\(language.pick("Số trang in", "Printed label"))</th>\
            <th>\(language.pick("Mục bắt đầu ở trang này", "Sections starting here"))</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table>
            <p><button type="submit" name="action" value="save" class="primary">\(language.pick("Lưu số trang và mục lục", "Save labels and contents"))</button></p>
            </form>
            """
        return PageLayout.page(
            title: language.pick("Số trang và mục lục: ", "Page labels and contents: ") + (item.title ?? item.id), context: context,
            body: body, styles: [PublicStyle.url])
    }

    private func row(_ index: Int, _ scan: Scan, language: UILanguage) -> HTML {
        let position = index + 1
        let label = index < form.labels.count ? form.labels[index] : ""
        var sections = index < form.sections.count ? form.sections[index] : []
        sections += Array(repeating: StructureForm.Section(level: 1, title: "", type: "chapter", to: nil), count: StructureForm.spareRows)
        let sectionRows = sections.enumerated().map { row, section -> HTML in
            let prefix = "s.\(position).\(row)"
            let levels = (1...3).map { level -> HTML in
                "<option value=\"\(level)\"\(section.level == level ? " selected" : "")>\(language.pick("Cấp", "Level")) \(level)</option>"
            }
            let types = (StructureForm.types + (StructureForm.types.contains(section.type) ? [] : [section.type])).map { type -> HTML in
                "<option value=\"\(type)\"\(section.type == type ? " selected" : "")>\(Self.typeName(type, language))</option>"
            }
            return """
                <div class="section-row"><select name="\(prefix).level" aria-label="\(language.pick("Cấp", "Level"))">\(levels)</select> \
                <input type="text" name="\(prefix).title" value="\(section.title)" size="40" \
                aria-label="\(language.pick("Tiêu đề mục, ảnh", "Section title, scan")) \(position)" placeholder="\(language.pick("Tiêu đề mục", "Section title"))"> \
                <select name="\(prefix).type" aria-label="\(language.pick("Loại", "Kind"))">\(types)</select> \
                <input type="number" name="\(prefix).to" value="\(section.to.map(String.init) ?? "")" min="\(position)" max="\(scans.count)" \
                aria-label="\(language.pick("Đến ảnh", "To scan"))" placeholder="\(language.pick("đến ảnh", "to scan"))"></div>
                """
        }
        return """
            <tr id="scan-\(position)"><td><img src="/iiif/image/\(scan.pageID)/full/120,/0/default.jpg" width="120" loading="lazy" \
            alt="\(language.pick("Ảnh", "Scan")) \(position)"><br>\(language.pick("Ảnh", "Scan")) \(position) <span class="muted">(\(scan.name))</span></td>
            <td><input type="text" name="label.\(position)" value="\(label)" size="10" \
            aria-label="\(language.pick("Số trang in của ảnh", "Printed label of scan")) \(position)"></td>
            <td>\(sectionRows)</td></tr>
            """
    }

    /// A section kind in the reader's language.
    static func typeName(_ type: String, _ language: UILanguage) -> String {
        switch type {
        case "chapter": language.pick("Chương", "Chapter")
        case "article": language.pick("Bài", "Article")
        case "section": language.pick("Mục", "Section")
        case "appendix": language.pick("Phụ lục", "Appendix")
        case "preface": language.pick("Lời nói đầu", "Preface")
        case "part": language.pick("Phần", "Part")
        case "index": language.pick("Chỉ mục", "Index")
        case "issue-section": language.pick("Chuyên mục", "Issue section")
        default: type
        }
    }
}
