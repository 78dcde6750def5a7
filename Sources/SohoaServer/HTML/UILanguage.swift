/// The language a page is shown in: Vietnamese first, English when the reader asks for it
/// (`?lang=en`, remembered in the `lang` cookie).
public enum UILanguage: String, Sendable, CaseIterable {
    case vi
    case en

    /// The text in this language.
    public func pick(_ vietnamese: String, _ english: String) -> String {
        self == .vi ? vietnamese : english
    }

    /// The other language, for the switch in the header.
    public var other: UILanguage { self == .vi ? .en : .vi }
}
