import SohoaCollection

extension UILanguage {
    /// A suspect page's reason (recorded in English) in this language (`SuspectReasonWords`).
    func suspectReason(_ reason: String) -> String {
        pick(SuspectReasonWords.vietnamese(reason), reason)
    }
}
