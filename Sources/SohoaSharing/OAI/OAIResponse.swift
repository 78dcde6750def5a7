import Foundation

/// The envelope of every OAI-PMH response (§3.2): response date, the request echoed, then the
/// verb's element or the error.
enum OAIResponse {
    /// A complete response document.
    ///
    /// - Parameter arguments: the request's arguments for `<request>`'s attributes; nil after a
    ///   badVerb or badArgument error, where the protocol wants the base URL only.
    static func document(responseDate: Date, baseURL: String, arguments: [String: String]?, body: String) -> String {
        let attributes = (arguments ?? [:]).sorted { $0.key < $1.key }
            .map { " \($0.key)=\"\(OAIXML.attribute($0.value))\"" }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">
            <responseDate>\(OAIDatestamp.string(responseDate))</responseDate>
            <request\(attributes)>\(OAIXML.escape(baseURL))</request>
            \(body)
            </OAI-PMH>

            """
    }

    /// The `<error>` element.
    static func error(_ error: OAIError) -> String {
        "<error code=\"\(error.code.rawValue)\">\(OAIXML.escape(error.message))</error>"
    }
}
