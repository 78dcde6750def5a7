import Foundation

/// The values that make an item an issue of a serial (a newspaper or journal title): the title's
/// id (`serial`), the issue's date (`issue-date`, W3CDTF), its number and volume. The checks are
/// shared by ingest (`item.yaml`, `items.csv`), the metadata form and the metadata CSV.
public enum SerialValues {
    /// Whether `text` can be a serial id: a short lowercase slug starting with a letter
    /// (`bao-lai-chau`), so it never reads as a library code in `/iiif/collection/…`.
    public static func isSerialID(_ text: String) -> Bool {
        text.wholeMatch(of: /[a-z][a-z0-9-]{0,63}/) != nil
    }

    /// A plain message for a serial id that cannot be used.
    public static func serialRefusal(_ text: String) -> String {
        "serial '\(text)' must be a short id of lowercase letters, digits and -, starting with a letter (e.g. bao-lai-chau)"
    }

    /// Whether `text` is an issue date: W3CDTF `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real day.
    public static func isIssueDate(_ text: String) -> Bool {
        text.wholeMatch(of: /[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?/) != nil && MetadataDate.isValid(text)
    }

    /// A plain message for an issue date that is not one.
    public static func issueDateRefusal(_ text: String) -> String {
        "issue-date '\(text)' is not a date: write the day the issue came out as 1958-03-15 (or 1958-03, or 1958)"
    }

    /// The year of an issue date (`1958` of `1958-03-15`), or nil.
    public static func year(of issueDate: String?) -> String? {
        guard let issueDate, issueDate.count >= 4 else { return nil }
        return String(issueDate.prefix(4))
    }
}
