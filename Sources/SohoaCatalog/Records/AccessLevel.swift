/// Who may see an item (issue 6): everyone, signed-in users only, or nobody through the server
/// (material under state-secrecy rules, say). Stored in `items.access`.
public enum AccessLevel: String, Codable, Sendable, CaseIterable {
    /// Served to everyone, listed in search, OAI-PMH and IIIF.
    case `public`
    /// Served to signed-in users only; harvesters see it as the sharing configuration says.
    case restricted
    /// Never served: absent from search, item pages, images, PDFs, OAI-PMH and IIIF.
    case closed
}
