import Crypto
import Foundation
import HTTPTypes
import NIOCore
import SohoaArchive
import SohoaCatalog

#if canImport(Glibc)
    import Glibc
#endif

/// Receives the upload form's `multipart/form-data` body piece by piece as it arrives and writes
/// each file straight to disk under one folder (never the whole body in memory, never a path
/// outside the folder: see `WebUploadPath`). The form's parts, in the order the page has them:
/// `_csrf` (checked before any file is written), `files` (the picked folder's files), `items` (an
/// optional `items.csv`, placed at the batch's top, replacing one in the folder).
final class WebUploadReceiver {
    /// Where a refusal came from, for the answer's status.
    enum Stop: Equatable {
        /// The CSRF token was missing or wrong (403).
        case forbidden
        /// More bytes than announced or allowed (413).
        case tooLarge
        /// Not a well-formed multipart body, or too many files (400).
        case malformed
        /// A file could not be written (507: the disk).
        case disk
        /// The inbox refused the submission when it was to be made (`SubmissionAdmission`: its
        /// size, a quota or the disk), with this status.
        case refused(HTTPResponse.Status)
        /// The catalog failed while the submission was made: the server's error
        /// (`serverError`), answered 500, not the upload's.
        case server
    }

    /// The most files one upload may hold.
    static let maximumFiles = 20_000
    /// The most problems listed; beyond, one line says how many more.
    static let maximumListed = 30

    /// The folder that is the batch; made when the first file arrives, by `makeFolder`.
    private let makeFolder: (String?) throws -> URL
    private var folder: URL?
    private let csrfToken: String
    private let limit: Int64
    private let parser: MultipartStream

    /// Problems with single files (odd names, a file sent twice); every one is named.
    private(set) var problems: [UploadProblem] = []
    /// What ended the reading early, if anything.
    private(set) var stop: Stop?
    /// The catalog's error when `stop` is `.server`.
    private(set) var serverError: CatalogError?
    /// Body bytes taken so far.
    private(set) var bytes: Int64 = 0
    /// Files written.
    private(set) var fileCount = 0
    /// The name of the folder the user picked (the batch's name), if the browser sent one.
    private(set) var pickedFolder: String?
    /// Whether an `items.csv` came in its own field.
    private(set) var itemsGiven = false
    private var hash = SHA256()
    private var extraProblems = 0

    /// Folders whose entries changed, made durable when the whole body is there.
    private var changedFolders: Set<String> = []
    private var headers: [(String, String)] = []
    private var part: Part?
    private var csrfChecked = false

    /// What the part being read is.
    private enum Part {
        case token([UInt8])
        case file(WebUploadFile)
        case ignored
    }

    /// `makeFolder` is called once, when the first file arrives (after the CSRF token passed), with
    /// the picked folder's name, and returns the empty folder to write into; a
    /// `SubmissionAdmission.Refusal` it throws stops the reading with that refusal. `limit`: the most body
    /// bytes taken.
    init(boundary: String, csrfToken: String, limit: Int64, makeFolder: @escaping (String?) throws -> URL) {
        parser = MultipartStream(boundary: boundary)
        self.csrfToken = csrfToken
        self.limit = limit
        self.makeFolder = makeFolder
        parser.onHeader = { [unowned self] name, value in self.headers.append((name.lowercased(), value)) }
        parser.onContent = { [unowned self] bytes in self.body(bytes) }
        parser.onPartEnd = { [unowned self] in self.complete() }
    }

    /// The boundary of a `multipart/form-data` content type, or nil for any other type.
    static func boundary(contentType: String) -> String? {
        let parameters = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parameters.first?.lowercased() == "multipart/form-data" else { return nil }
        for parameter in parameters.dropFirst() where parameter.lowercased().hasPrefix("boundary=") {
            var value = parameter.dropFirst("boundary=".count)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
            return (1...70).contains(value.count) ? String(value) : nil
        }
        return nil
    }

    /// The SHA-256 of the body as received.
    var sha256: String { Hex.string(hash.finalize()) }

    /// Every problem, the ones beyond `maximumListed` counted in one more line.
    var listedProblems: [UploadProblem] {
        extraProblems == 0
            ? problems
            : problems + [UploadProblem(vi: "và \(extraProblems) vấn đề khác", en: "and \(extraProblems) more problems")]
    }

    /// Takes the next piece of the body; after a stop, nothing more is taken.
    func take(_ buffer: ByteBuffer) {
        guard stop == nil else { return }
        bytes += Int64(buffer.readableBytes)
        guard bytes <= limit else {
            fail(.tooLarge, UploadProblem(vi: "dữ liệu gửi lên nhiều hơn kích thước đã báo", en: "more data arrived than was announced"))
            return
        }
        buffer.withUnsafeReadableBytes { hash.update(bufferPointer: $0) }
        do {
            try parser.execute(buffer.readableBytesView)
        } catch {
            fail(.malformed, UploadProblem(vi: "biểu mẫu gửi lên không đúng dạng", en: "the form data is not well formed"))
        }
    }

    /// Ends the reading: the last file is closed; a body that stopped mid-part is an error. After a
    /// whole body, the folders the files were made in are made durable (each file was at its end),
    /// so a power cut after the upload is received cannot leave a file short or missing.
    func finish() {
        if stop == nil, !parser.isFinished {
            fail(.malformed, UploadProblem(vi: "dữ liệu gửi lên bị cắt giữa chừng", en: "the form data ended in the middle of a file"))
        }
        if case .file(let file) = part { file.close() }
        part = nil
        guard stop == nil else { return }
        for folder in changedFolders.sorted() {
            if let code = FileDescriptorWriter.syncFolder(folder) {
                fail(.disk, WebUploadFile.Failure(code: code).problem)
                return
            }
        }
    }

    private func fail(_ reason: Stop, _ problem: UploadProblem) {
        if case .file(let file) = part { file.close() }
        part = .ignored
        stop = reason
        note(problem)
    }

    private func note(_ problem: UploadProblem) {
        if problems.count < Self.maximumListed { problems.append(problem) } else { extraProblems += 1 }
    }

    private func body(_ content: UnsafeRawBufferPointer) {
        if part == nil { begin() }
        switch part {
        case .token(var bytes):
            bytes += content.prefix(max(0, 128 - bytes.count))
            part = .token(bytes)
        case .file(let file):
            do {
                try file.write(content)
            } catch {
                fail(.disk, error.problem)
            }
        case .ignored, nil:
            break
        }
    }

    private func complete() {
        if part == nil { begin() }
        switch part {
        case .token(let bytes):
            if SessionToken.matches(String(decoding: bytes, as: UTF8.self), csrfToken) {
                csrfChecked = true
            } else {
                fail(.forbidden, UploadProblem(vi: "mã bảo vệ biểu mẫu (CSRF) không đúng", en: "the form's CSRF token is wrong"))
            }
        case .file(let file):
            do {
                try file.finish()
            } catch {
                fail(.disk, error.problem)
            }
        case .ignored, nil:
            break
        }
        if stop == nil { part = nil }
        headers = []
    }

    /// Starts the part whose headers were just read.
    private func begin() {
        let disposition = headers.last { $0.0 == "content-disposition" }?.1 ?? ""
        let parameters = Self.parameters(disposition)
        let name = parameters["name"] ?? ""
        part = .ignored
        if name == SessionMiddleware.csrfField {
            part = .token([])
            return
        }
        guard name == "files" || name == "items", let raw = parameters["filename"], !raw.isEmpty else { return }
        guard csrfChecked else {
            fail(.forbidden, UploadProblem(vi: "thiếu mã bảo vệ biểu mẫu (CSRF)", en: "the form's CSRF token is missing"))
            return
        }
        let sent = WebUploadPath.unescaped(raw)
        var segments: [String]
        if name == "items" {
            segments = ["items.csv"]
            itemsGiven = true
        } else {
            switch WebUploadPath.of(sent) {
            case .file(let path): segments = path
            case .skipped: return
            case .refused(let problem):
                note(problem)
                return
            }
            if pickedFolder == nil { pickedFolder = WebUploadPath.pickedFolder(sent) }
            // The items.csv given in its own field wins over the folder's.
            if itemsGiven, segments == ["items.csv"] { return }
        }
        guard fileCount < Self.maximumFiles else {
            fail(
                .malformed,
                UploadProblem(
                    vi: "một lần gửi nhiều nhất \(Self.maximumFiles) tệp: hãy chia lô nhỏ hơn",
                    en: "at most \(Self.maximumFiles) files at once: split the batch"))
            return
        }
        do {
            if folder == nil { folder = try makeFolder(pickedFolder) }
            guard let folder else { return }
            let file = try WebUploadFile(folder: folder, segments: segments, replacing: name == "items")
            changedFolders.formUnion(file.changedFolders)
            part = .file(file)
            fileCount += 1
        } catch let refusal as SubmissionAdmission.Refusal {
            fail(.refused(refusal.status), refusal.problem)
        } catch let error as CatalogError {
            serverError = error
            fail(.server, UploadProblem(vi: "lỗi máy chủ", en: "the server failed"))
        } catch let problem as UploadProblem {
            note(problem.of(segments.joined(separator: "/")))
        } catch {
            fail(.disk, error.problem)
        }
    }

    /// The parameters of a `Content-Disposition` value (`form-data; name="files"; filename="a/b.tif"`),
    /// quoted values unquoted. Browsers send a quote in a name as `%22` and a backslash as it is
    /// (`WebUploadPath.unescaped`), so a backslash is no escape here.
    static func parameters(_ value: String) -> [String: String] {
        var result: [String: String] = [:]
        var rest = Substring(value)
        // Skip the disposition type.
        guard let first = rest.firstIndex(of: ";") else { return result }
        rest = rest[rest.index(after: first)...]
        while !rest.isEmpty {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard let equals = rest.firstIndex(of: "=") else { break }
            let key = rest[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            rest = rest[rest.index(after: equals)...]
            var parsed = ""
            if rest.first == "\"" {
                rest = rest.dropFirst()
                while let character = rest.first {
                    rest = rest.dropFirst()
                    if character == "\"" { break }
                    parsed.append(character)
                }
                if let semicolon = rest.firstIndex(of: ";") { rest = rest[rest.index(after: semicolon)...] } else { rest = "" }
            } else {
                let end = rest.firstIndex(of: ";") ?? rest.endIndex
                parsed = rest[..<end].trimmingCharacters(in: .whitespaces)
                rest = end == rest.endIndex ? "" : rest[rest.index(after: end)...]
            }
            if result[key] == nil { result[key] = parsed }
        }
        return result
    }
}

extension Error {
    /// A file-writing error as a problem for the page.
    fileprivate var problem: UploadProblem {
        UploadProblem(
            vi: "máy chủ không ghi được tệp (\(self)); có thể ổ đĩa đã đầy, hãy báo quản trị viên",
            en: "the server cannot write the file (\(self)); the disk may be full, tell the administrator")
    }
}
