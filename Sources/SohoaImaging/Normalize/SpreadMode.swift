/// When the normalize stage splits a two-page spread (a book opening) into two pages.
public enum SpreadMode: String, Sendable, Codable, CaseIterable {
    /// Split landscape images with a clear gutter between two blocks of text.
    case auto
    /// Never split.
    case never
    /// Split every page at its gutter (or its middle), e.g. a batch known to be all spreads.
    case always
}
