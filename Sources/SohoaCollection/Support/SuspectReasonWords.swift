/// A suspect page's reason in the reader's words. The reason is recorded in English, in fixed forms
/// (the catalog, the PREMIS event, the run's JSON lines: records and machines read it), and put into
/// Vietnamese where people read it: the run's summary, `sohoa status`, the review pages.
public enum SuspectReasonWords {
    /// `reason` ("mean confidence 41% (batch 93%); 12% of words are Vietnamese syllables") in
    /// Vietnamese; a part in no known form is kept as it is.
    public static func vietnamese(_ reason: String) -> String {
        reason.components(separatedBy: "; ").map(part).joined(separator: "; ")
    }

    /// `reason` in the command line's language (`Messages.english`).
    public static func forCommandLine(_ reason: String) -> String {
        Messages.english ? reason : vietnamese(reason)
    }

    private static func part(_ text: String) -> String {
        if text == "no text recognized on a page that is not blank" {
            return "không nhận dạng được chữ nào dù trang không để trống"
        }
        let batch = " (batch "
        let (figure, rest) =
            text.range(of: batch).map { (String(text[..<$0.lowerBound]), " (cả lô " + text[$0.upperBound...]) } ?? (text, "")
        let confidence = "mean confidence "
        if figure.hasPrefix(confidence) {
            return "độ tin cậy trung bình " + figure.dropFirst(confidence.count) + rest
        }
        let syllables = " of words are Vietnamese syllables"
        if figure.hasSuffix(syllables) {
            return figure.dropLast(syllables.count) + " số từ là âm tiết tiếng Việt" + rest
        }
        return text
    }
}
