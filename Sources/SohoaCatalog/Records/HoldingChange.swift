/// What storing one holding from a register did to the catalog.
public enum HoldingChange: String, Codable, Sendable, CaseIterable {
    /// The holding was not in the register.
    case added
    /// The holding was there with different content; it was updated in place.
    case changed
    /// The holding was there with the same content.
    case unchanged
}
