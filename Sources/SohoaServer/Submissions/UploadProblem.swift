/// Why an upload, or one file of it, is not taken: in Vietnamese and English, in plain words. The one
/// message type of the submission checks (`SubmissionAdmission`), the web upload's reading
/// (`WebUploadReceiver`), its file names (`WebUploadPath`) and its files (`WebUploadFile`).
struct UploadProblem: Error, Equatable, Sendable {
    var vi: String
    var en: String

    /// The same problem said of the file `name` (“name”: problem).
    func of(_ name: String) -> UploadProblem {
        UploadProblem(vi: "“\(name)”: \(vi)", en: "“\(name)”: \(en)")
    }
}
