import SohoaCatalog

/// The library a user's submissions are archived under. The one place that decides it.
enum SubmissionLibrary {
    /// The submitting user's library code: every item of the batch is archived under it, whatever its
    /// own metadata says. Nil for an account of every library (an admin, or an account made before
    /// libraries existed): then each item's metadata (or the server's default) decides, as in
    /// `sohoa run`.
    static func code(for user: UserRecord) -> String? {
        user.libraryCode
    }
}
