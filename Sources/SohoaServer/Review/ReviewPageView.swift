import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaCollection
import SohoaText

/// The page under review: the scan with the recognized words drawn over it (doubtful words
/// highlighted), the lines to correct, and the Save, Approve and Send-for-rescan forms. Usable as
/// plain forms; `/static/review.js` adds the word boxes' positions, keys and the letter palette.
struct ReviewPageView {
    /// What a notice above the form says.
    enum Notice {
        case saved(version: String?)
        /// Saved; the archive version is written when the page is approved or left.
        case savedPending
        case conflict(current: Int)
        case problem(String)
    }

    /// ALTO `WC` below which a word is highlighted as doubtful.
    static let doubtfulBelow = 0.8

    /// How a recognized word is marked: doubtful (low confidence) first, else not Vietnamese (issue 11).
    enum WordMark {
        case none, doubtful, notVietnamese
    }

    /// Whether the item's words are checked as Vietnamese syllables (its languages include `vie`, or none are recorded).
    private var checksSyllables: Bool {
        guard let language = entry.itemLanguage, !language.isEmpty else { return true }
        return language.split(separator: "+").contains("vie")
    }

    private func mark(_ word: ALTOPage.Word) -> WordMark {
        if (word.confidence ?? 1) < Self.doubtfulBelow { return .doubtful }
        return checksSyllables && VietnameseSyllable.shouldHighlight(word.content) ? .notVietnamese : .none
    }

    var entry: ReviewQueueEntry
    var alto: ALTOPage?
    var next: ReviewQueueEntry?
    var query: ReviewQueueQuery
    var notice: Notice?
    /// Lines the reviewer typed that were not saved (line ID → text), shown in place of the archived text.
    var unsaved: [String: String] = [:]
    /// The rescan reason typed, when it was not taken.
    var unsavedReason: String?
    /// The page's printed label ("5", "Bìa"), when the item has page labels, with the page's place among
    /// the item's archived pages, which the labels count by.
    var pageLabel: (text: String, position: Int)?

    func render(context: AppRequestContext) -> HTML {
        let language = context.language
        let title = language.pick("Duyệt trang", "Review page") + " \(entry.pageName) · \(entry.itemTitle ?? entry.itemID)"
        let body: HTML = """
            <div class="review">
            \(scan(language))
            <section class="review-text">
            \(facts(language))
            \(noticeHTML(language))
            \(correctionForm(context))
            \(rescanForm(context))
            \(navigation(language))
            </section>
            </div>
            """
        return PageLayout.page(
            title: title, context: context, body: body, scripts: ["/static/review.js"], styles: ["/static/review.css"])
    }

    private var imageURL: String {
        URLPath.pageImage(itemID: entry.itemID, pageName: entry.pageName)
    }

    private func scan(_ language: UILanguage) -> HTML {
        var boxes: [HTML] = []
        if let alto {
            for line in alto.lines {
                for (index, word) in line.words.enumerated() {
                    let style: String
                    switch mark(word) {
                    case .none: style = ""
                    case .doubtful: style = " doubtful"
                    case .notVietnamese: style = " not-vi"
                    }
                    let confidence = word.confidence.map { String(format: " · %.0f%%", $0 * 100) } ?? ""
                    boxes.append(
                        """
                        <span class="w\(style)" data-line="\(line.id)" data-index="\(index)" \
                        data-x="\(percent(word.box.x, of: alto.width))" data-y="\(percent(word.box.y, of: alto.height))" \
                        data-w="\(percent(word.box.width, of: alto.width))" data-h="\(percent(word.box.height, of: alto.height))" \
                        title="\(word.content + confidence)"></span>
                        """)
                }
            }
        }
        let alt = language.pick("Ảnh trang", "Page image") + " \(entry.pageName)"
        return """
            <section class="review-scan">
            <div class="scan-frame" id="scan">
            <img src="\(imageURL)" alt="\(alt)">
            <div class="boxes">\(boxes)</div>
            </div>
            </section>
            """
    }

    private func percent(_ value: Int, of total: Int) -> String {
        String(format: "%.3f", Double(value) * 100 / Double(max(1, total)))
    }

    private func facts(_ language: UILanguage) -> HTML {
        let confidence = entry.meanConfidence.map { String(format: "%.1f%%", $0) } ?? "—"
        let state: String
        switch entry.reviewState {
        case .pending: state = language.pick("chờ duyệt", "waiting for review")
        case .approved: state = language.pick("đã duyệt", "approved")
        case .rescan: state = language.pick("đã gửi quét lại", "sent back for rescanning")
        }
        var rows: [HTML] = [
            "<dt>\(language.pick("Tài liệu", "Item"))</dt><dd>\(entry.itemTitle ?? entry.itemID) <span class=\"muted\">(\(entry.itemID), \(entry.libraryCode))</span></dd>",
            "<dt>\(language.pick("Trang", "Page"))</dt><dd>\(pageLabel.map { PageLabelText.name(label: $0.text, position: $0.position, language) + " · " } ?? "")\(language.pick("ảnh", "scan")) \(entry.sequence) · \(entry.pageName) · <a href=\"\(StructureRoutes.path(entry.itemID))\">\(language.pick("sửa số trang, mục lục", "edit labels, contents"))</a></dd>",
            "<dt>\(language.pick("Độ tin cậy OCR", "OCR confidence"))</dt><dd>\(confidence)</dd>",
            "<dt>\(language.pick("Trạng thái", "State"))</dt><dd>\(state)</dd>",
        ]
        if entry.isBlank {
            rows.append("<dt>\(language.pick("Ghi chú", "Note"))</dt><dd>\(language.pick("trang trắng", "blank page"))</dd>")
        }
        if let error = entry.error { rows.append("<dt>\(language.pick("Lỗi", "Failure"))</dt><dd>\(error)</dd>") }
        if let reason = entry.suspectReason {
            rows.append(
                "<dt>\(language.pick("Trang đáng ngờ", "Suspect page"))</dt><dd class=\"suspect\">\(language.suspectReason(reason))</dd>"
            )
        }
        if let reason = entry.rescanReason { rows.append("<dt>\(language.pick("Lý do quét lại", "Rescan reason"))</dt><dd>\(reason)</dd>") }
        return "<dl class=\"facts\">\(rows)</dl>"
    }

    private func noticeHTML(_ language: UILanguage) -> HTML {
        switch notice {
        case nil:
            return .empty
        case .saved(let version):
            let text =
                version.map { language.pick("Đã lưu: phiên bản lưu trữ \($0).", "Saved: archive version \($0).") }
                ?? language.pick("Không có gì thay đổi.", "Nothing changed.")
            return "<p class=\"notice\" role=\"status\">\(text)</p>"
        case .savedPending:
            let text = language.pick(
                "Đã lưu. Các lần lưu liên tiếp của bạn sẽ thành một phiên bản lưu trữ khi bạn duyệt trang, chuyển sang trang khác, hoặc sau vài phút không sửa.",
                "Saved. Your saves in a row become one archive version when you approve the page, move to another page, or after a few minutes without changes."
            )
            return "<p class=\"notice\" role=\"status\">\(text)</p>"
        case .conflict(let current):
            let text = language.pick(
                "Trang này vừa được người khác lưu (bản sửa số \(current)). Phần bạn gõ chưa được lưu và vẫn còn trong các ô được đánh dấu bên dưới; hãy so sánh với bản mới rồi lưu lại.",
                "Someone else has just saved this page (revision \(current)). What you typed was not saved and is still in the marked fields below; compare it with the new text, then save again."
            )
            let known = Set(alto?.lines.map(\.id) ?? [])
            let orphans = unsaved.filter { !known.contains($0.key) }.sorted { $0.key < $1.key }.map { line -> HTML in
                "<li>\(line.value)</li>"
            }
            let lost: HTML =
                orphans.isEmpty
                ? .empty
                : "<p>\(language.pick("Các dòng bạn gõ không còn trên trang mới:", "Lines you typed that are no longer on the page:"))</p><ul class=\"orphans\">\(orphans)</ul>"
            return "<div class=\"error\" role=\"alert\"><p>\(text)</p>\(lost)</div>"
        case .problem(let message):
            return "<p class=\"error\" role=\"alert\">\(message)</p>"
        }
    }

    private func correctionForm(_ context: AppRequestContext) -> HTML {
        let language = context.language
        var blocks: [HTML] = []
        if let alto {
            var number = 0
            for block in alto.blocks {
                var lines: [HTML] = []
                for line in block.lines {
                    number += 1
                    lines.append(lineField(line, number: number, language: language))
                }
                blocks.append("<div class=\"block\">\(lines)</div>")
            }
        }
        let hasText = !(alto?.lines.isEmpty ?? true)
        let lines: HTML =
            hasText
            ? "\(legend(language))<div class=\"lines\">\(blocks)</div>\(palette(language))"
            : "<p class=\"muted\">\(language.pick("Trang này không có chữ nhận dạng để sửa.", "This page has no recognized text to correct."))</p>"
        let save: HTML =
            hasText
            ? "<button type=\"submit\" name=\"action\" value=\"save\" accesskey=\"s\" title=\"Ctrl+S\">\(language.pick("Lưu", "Save"))</button>"
            : .empty
        let approve: HTML = """
            <button type="submit" name="action" value="approve" formaction="/review/\(entry.pageID)/approve" title="Ctrl+Enter">\
            \(hasText ? language.pick("Lưu và duyệt", "Save and approve") : language.pick("Duyệt", "Approve"))</button>
            """
        return """
            <form method="post" action="/review/\(entry.pageID)/save" id="review-form" class="correction">
            \(context.csrfField)
            <input type="hidden" name="revision" value="\(entry.revision)">
            \(query.hiddenFields)
            \(lines)
            <div class="actions">\(save)\(approve)</div>
            </form>
            """
    }

    /// What the two highlights mean.
    private func legend(_ language: UILanguage) -> HTML {
        let doubtful = language.pick("độ tin cậy OCR thấp", "low OCR confidence")
        let notVietnamese = language.pick(
            "không phải âm tiết tiếng Việt (dù OCR tin cậy)", "not a Vietnamese syllable (even if OCR was confident)")
        let example: HTML = checksSyllables ? " · <mark class=\"not-vi\">abc</mark> \(notVietnamese)" : .empty
        return "<p class=\"legend\"><mark>abc</mark> \(doubtful)\(example)</p>"
    }

    private func lineField(_ line: ALTOPage.Line, number: Int, language: UILanguage) -> HTML {
        let doubtful = line.words.enumerated().filter { ($0.element.confidence ?? 1) < Self.doubtfulBelow }.map(\.offset)
        let recognized = HTML.join(
            line.words.map { word -> HTML in
                switch mark(word) {
                case .none: "\(word.content)"
                case .doubtful: "<mark>\(word.content)</mark>"
                case .notVietnamese: "<mark class=\"not-vi\">\(word.content)</mark>"
                }
            }, separator: " ")
        let typed = unsaved[line.id]
        let conflict = typed != nil && typed != line.text
        var classes = ["line-input"]
        if !doubtful.isEmpty { classes.append("doubtful") }
        if conflict { classes.append("unsaved") }
        let label = language.pick("Dòng", "Line") + " \(number)"
        return """
            <div class="line">
            <label for="l-\(line.id)"><span class="n">\(label)</span> <span class="recognized">\(recognized)</span></label>
            <input type="hidden" name="orig.\(line.id)" value="\(line.text)">
            <input type="text" id="l-\(line.id)" name="line.\(line.id)" value="\(typed ?? line.text)" class="\(classes.joined(separator: " "))" \
            data-line="\(line.id)" data-doubtful="\(doubtful.map(String.init).joined(separator: " "))" lang="vi" autocomplete="off" spellcheck="false">
            </div>
            """
    }

    private func palette(_ language: UILanguage) -> HTML {
        let letters = ["ă", "â", "đ", "ê", "ô", "ơ", "ư", "Ă", "Â", "Đ", "Ê", "Ô", "Ơ", "Ư"]
        let tones: [(mark: String, vi: String, en: String)] = [
            ("\u{0300}", "huyền", "grave"), ("\u{0301}", "sắc", "acute"), ("\u{0309}", "hỏi", "hook above"),
            ("\u{0303}", "ngã", "tilde"), ("\u{0323}", "nặng", "dot below"),
        ]
        let letterButtons = letters.map { letter -> HTML in
            "<button type=\"button\" class=\"key\" data-insert=\"\(letter)\">\(letter)</button>"
        }
        let toneButtons = tones.map { tone -> HTML in
            let name = language.pick("dấu \(tone.vi)", tone.en)
            return
                "<button type=\"button\" class=\"key tone\" data-tone=\"\(tone.mark)\" title=\"\(name)\" aria-label=\"\(name)\">◌\(tone.mark)</button>"
        }
        return """
            <div class="palette" role="toolbar" aria-label="\(language.pick("Chữ và dấu tiếng Việt", "Vietnamese letters and tone marks"))" hidden>\
            \(letterButtons)<span class="sep"></span>\(toneButtons)</div>
            """
    }

    private func rescanForm(_ context: AppRequestContext) -> HTML {
        let language = context.language
        return """
            <details class="rescan"\(unsavedReason != nil ? " open" : "")>
            <summary>\(language.pick("Gửi quét lại", "Send for rescanning"))</summary>
            <form method="post" action="/review/\(entry.pageID)/rescan">
            \(context.csrfField)
            \(query.hiddenFields)
            <label for="rescan-reason">\(language.pick("Lý do (nhân viên quét sẽ thấy)", "Reason (scanning staff will see it)"))</label>
            <textarea id="rescan-reason" name="reason" rows="2" required maxlength="500">\(unsavedReason ?? "")</textarea>
            <button type="submit" class="secondary">\(language.pick("Gửi quét lại", "Send for rescanning"))</button>
            </form>
            </details>
            """
    }

    private func navigation(_ language: UILanguage) -> HTML {
        let nextLink: HTML =
            next.map { entry -> HTML in
                "<a rel=\"next\" id=\"next-page\" href=\"\(query.pageURL(entry.pageID))\">\(language.pick("Trang tiếp", "Next page")) →</a>"
            }
            ?? "<span class=\"muted\">\(language.pick("Hết hàng đợi", "End of the queue"))</span>"
        let keys = language.pick(
            "Phím: Alt+N từ đáng ngờ tiếp theo (Alt+Shift+N: trước), Alt+→ trang tiếp, Ctrl+S lưu, Ctrl+Enter lưu và duyệt.",
            "Keys: Alt+N next doubtful word (Alt+Shift+N: previous), Alt+→ next page, Ctrl+S save, Ctrl+Enter save and approve.")
        return """
            <p class="review-nav"><a href="\(query.queueURL(section: entry.section))">← \(language.pick("Hàng đợi", "Queue"))</a> · \(nextLink)</p>
            <p class="muted keys">\(keys)</p>
            """
    }
}
