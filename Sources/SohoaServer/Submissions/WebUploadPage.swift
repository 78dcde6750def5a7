import Foundation

/// `/submissions/upload`: the web form a scanner account sends a small batch with (issue 15): a
/// folder of scans picked whole (`webkitdirectory`) and an optional `items.csv`. What it sends
/// becomes a submission like one of `sohoa submit`: bagged, verified, queued and archived, followed
/// on `/submissions`. Refusals are listed above the form in plain words.
struct WebUploadPage {
    /// The page's path (the form posts to it too).
    static let path = "/submissions/upload"

    /// Why the last upload was refused, if it was.
    var problems: [UploadProblem] = []
    /// The largest batch the server takes at once.
    var maximumSize: Int64

    func render(context: AppRequestContext) -> HTML {
        let language = context.language
        let refusal: HTML =
            problems.isEmpty
            ? .empty
            : """
            <div class="error" role="alert"><p>\(language.pick("Máy chủ chưa nhận lô này, không có gì được lưu:", "The server did not take this batch; nothing was kept:"))</p>\
            <ul class="problems">\(problems.map { "<li>\(language.pick($0.vi, $0.en))</li>" as HTML })</ul></div>
            """
        let size = SubmissionRoutes.megabytes(maximumSize)
        let body: HTML = """
            \(refusal)
            <p>\(language.pick(
                "Chọn thư mục lô ảnh quét (mỗi thư mục con là một tài liệu) và, nếu có, tệp items.csv mô tả các tài liệu. Máy chủ kiểm tra lô rồi tự xử lý và lưu trữ; theo dõi ở trang Lô đã gửi.",
                "Pick the batch folder of scans (each sub-folder is one item) and, if you have one, the items.csv describing the items. The server checks the batch, then processes and archives it by itself; follow it on Submitted batches."))</p>
            <form method="post" action="\(Self.path)" enctype="multipart/form-data" class="upload">
            \(context.csrfField)
            <table class="item-facts">
            <tr><th><label for="f-files">\(language.pick("Thư mục lô", "Batch folder"))</label></th>\
            <td><input type="file" id="f-files" name="files" webkitdirectory multiple required></td></tr>
            <tr><th><label for="f-items">\(language.pick("Tệp items.csv (không bắt buộc)", "items.csv (optional)"))</label></th>\
            <td><input type="file" id="f-items" name="items" accept=".csv,text/csv"></td></tr>
            </table>
            <p><button type="submit">\(language.pick("Gửi lô", "Send the batch"))</button></p>
            </form>
            <p class="muted">\(language.pick(
                "Mỗi lần gửi tối đa \(size). Lô lớn hơn, hoặc đường truyền hay bị ngắt: dùng lệnh sohoa submit, lệnh này gửi tiếp được từ chỗ bị ngắt.",
                "At most \(size) at once. For a larger batch, or a connection that often drops, use sohoa submit, which goes on from where it was cut."))</p>
            """
        return PageLayout.page(title: language.pick("Gửi lô ảnh quét", "Send a batch of scans"), context: context, body: body)
    }
}
