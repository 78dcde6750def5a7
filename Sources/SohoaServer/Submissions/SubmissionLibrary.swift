import SohoaCatalog

/// The library a user's submissions are archived under. The one place that decides it.
enum SubmissionLibrary {
    /// The submitting user's library code; nil: each item's own metadata (or the server's default)
    /// decides, as in `sohoa run`.
    ///
    /// Until users belong to libraries (`UserRecord.libraryCode`, issue 15's first half) there is no
    /// library to take, so this returns nil.
    static func code(for user: UserRecord) -> String? {
        nil
    }
}
