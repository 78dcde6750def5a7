import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaCollection

/// `/items/<item-id>`: the item's description, its PDF, and every page with its image and text.
enum ItemPage {
    /// A page of the item as shown: the record, its text, and whether the archive holds its image.
    struct Page {
        var record: PageRecord
        var text: String?
        var hasImage: Bool
    }

    static func html(
        _ served: ServedItem, pages: [Page], hasPDF: Bool, hasReadingPDF: Bool = false, issue: IssueNeighbours? = nil,
        context: AppRequestContext,
        structure: ItemStructure = ItemStructure()
    ) -> HTML {
        let language = context.language
        let item = served.item
        var facts: [(String, String)] = []
        func add(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { facts.append((label, value)) }
        }
        add(language.pick("Báo, tạp chí", "Serial"), issue?.title)
        add(language.pick("Ngày phát hành", "Issue date"), item.issueDate)
        add(language.pick("Số", "Issue number"), item.issueNumber)
        add(language.pick("Tập", "Volume"), item.volume)
        add(language.pick("Tác giả", "Creator"), item.creator)
        add(language.pick("Năm / ngày", "Date"), item.date)
        add(language.pick("Ngôn ngữ", "Language"), item.language.map { CollectionNames.language($0, language) })
        add(language.pick("Loại tài liệu", "Collection"), served.availability.collectionType.map { CollectionNames.type($0, language) })
        add(language.pick("Chủ đề", "Subject"), item.subject)
        add(language.pick("Mô tả", "Description"), description(item))
        add(language.pick("Thư viện", "Library"), item.libraryCode)
        add(language.pick("Số đăng ký", "Holding"), item.holdingID)
        add(language.pick("Mã tài liệu", "Identifier"), item.objectID)
        add(language.pick("Số trang", "Pages"), String(pages.count))
        add(
            language.pick("Bản quyền", "Rights"),
            rights(item, default: served.defaultRights).map { language.pick($0.vietnamese, $0.english) })
        if served.availability.access == .restricted {
            add(
                language.pick("Quyền xem", "Access"), language.pick("Hạn chế (chỉ người đã đăng nhập)", "Restricted (signed-in users only)")
            )
        }
        let rows = facts.map { "<tr><th>\($0.0)</th><td>\($0.1)</td></tr>" as HTML }
        let editDescription: HTML =
            context.user?.role.canReview == true && context.scope.includes(item.libraryCode)
            ? "<p><a href=\"\(URLPath.item(item.id))/metadata\">\(language.pick("Sửa mô tả", "Edit the description"))</a></p>" : .empty
        var links: [HTML] = []
        if hasReadingPDF {
            links.append(
                "<a class=\"button\" href=\"\(URLPath.readingPDF(itemID: item.id))\">\(language.pick("Tải PDF gọn để đọc", "Download the compact PDF for reading"))</a>"
            )
        }
        if hasPDF {
            links.append(
                "<a class=\"button\" href=\"\(URLPath.pdf(itemID: item.id))\">\(language.pick("Tải PDF (có lớp chữ tìm kiếm được)", "Download the PDF (searchable)"))</a>"
            )
        }
        let pdf: HTML = links.isEmpty ? .empty : "<p>\(HTML(trusted: links.map(\.markup).joined(separator: " ")))</p>"
        // `pages` are the archived pages in their order: labels count by position, not by scan
        // (a split spread's two halves share their scan's sequence).
        let contents = pages.enumerated().map { index, page -> HTML in
            "<li><a href=\"#page-\(URLPath.component(page.record.name))\">\(structure.label(ofPage: index + 1) ?? String(index + 1))</a></li>"
        }
        let sections = pages.enumerated().map {
            section($1, position: $0 + 1, itemID: item.id, language: language, structure: structure)
        }
        let editStructure: HTML =
            context.user?.role.canReview == true && context.scope.includes(item.libraryCode) && item.ocflVersion != nil
            ? "<p><a href=\"\(StructureRoutes.path(item.id))\">\(language.pick("Sửa số trang và mục lục", "Edit page labels and contents"))</a></p>"
            : .empty
        return """
            \(issue?.html(language) ?? .empty)
            <table class="item-facts">\(rows)</table>
            \(editDescription)\(pdf)
            \(ItemContentsHTML.list(structure.contents, pages: pages.map(\.record), language: language))
            \(editStructure)
            <nav class="page-index" aria-label="\(language.pick("Các trang", "Pages"))"><ol>\(contents)</ol></nav>
            <div class="pages">\(sections)</div>
            """
    }

    private static func section(_ page: Page, position: Int, itemID: String, language: UILanguage, structure: ItemStructure) -> HTML {
        let name = page.record.name
        let image: HTML =
            page.hasImage
            ? """
            <a href="\(URLPath.pageImage(itemID: itemID, pageName: name))"><img class="page-image" \
            src="\(URLPath.pageImage(itemID: itemID, pageName: name))" alt="\(language.pick("Ảnh trang", "Page image")) \(position)" \
            loading="lazy" width="200"></a>
            """ : "<p class=\"muted\">\(language.pick("Không có ảnh.", "No image."))</p>"
        let text: HTML
        if let body = page.text, !body.isEmpty {
            text = """
                <pre class="page-text">\(body)</pre>\
                <p><a href="\(URLPath.pageText(itemID: itemID, pageName: name))">\(language.pick("Văn bản thuần", "Plain text"))</a></p>
                """
        } else {
            text = "<p class=\"muted\">\(language.pick("Trang này không có văn bản nhận dạng.", "This page has no recognized text."))</p>"
        }
        return """
            <section class="page" id="page-\(URLPath.component(name))">
            <h2>\(PageLabelText.name(label: structure.label(ofPage: position), position: position, language)) \
            <span class="muted">(\(language.pick("ảnh", "scan")) \(page.record.sequence), \(name))</span></h2>
            <div class="page-body">\(image)<div class="text">\(text)</div></div>
            </section>
            """
    }

    /// The item's rights statement: its own, else its library's or collection's default.
    private static func rights(_ item: ItemRecord, default fallback: RightsStatement?) -> RightsStatement? {
        ItemDescription(item: item, access: .public).rights.flatMap(RightsStatement.init) ?? fallback
    }

    /// The `description` of the item's metadata, if it has one.
    private static func description(_ item: ItemRecord) -> String? {
        guard let json = item.metadataJSON, let data = json.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        return object["description"] as? String
    }
}
