import Foundation

extension ServerConfigurationFile {
    /// `submissions:`: sizes, quotas, the token lifetime, the pipeline and the inbox (`SubmissionSettings`).
    static func submissionSettings(_ value: Any, file: String, archive: URL) throws(ServerConfigurationError) -> SubmissionSettings {
        guard let map = value as? [String: Any] else {
            throw ServerConfigurationError(
                "\(file): 'submissions' must be a mapping of keys (max-size, user-quota, total-quota, free-margin, token-days, abandon-days, pipeline, inbox)"
            )
        }
        let keys = ["max-size", "user-quota", "total-quota", "free-margin", "token-days", "abandon-days", "pipeline", "inbox"]
        for key in map.keys.sorted() where !keys.contains(key) {
            throw ServerConfigurationError(
                "\(file): unknown key 'submissions.\(key)'; allowed in submissions: \(keys.joined(separator: ", "))")
        }
        var settings = SubmissionSettings()
        func size(_ key: String) throws(ServerConfigurationError) -> Int64? {
            guard let raw = map[key] else { return nil }
            guard let bytes = SubmissionSettings.bytes(raw) else {
                throw ServerConfigurationError("\(file): submissions.\(key): must be a size such as 20G, 500M or a number of bytes")
            }
            return bytes
        }
        settings.maximumSize = try size("max-size") ?? settings.maximumSize
        settings.userQuota = try size("user-quota") ?? settings.userQuota
        settings.totalQuota = try size("total-quota") ?? settings.totalQuota
        settings.freeMargin = try size("free-margin") ?? settings.freeMargin
        if let raw = map["token-days"] {
            guard let days = raw as? Int, (1...3650).contains(days) else {
                throw ServerConfigurationError("\(file): submissions.token-days: must be a whole number from 1 to 3650")
            }
            settings.tokenLifetime = TimeInterval(days) * 86_400
        }
        if let raw = map["abandon-days"] {
            guard let days = raw as? Int, (1...365).contains(days) else {
                throw ServerConfigurationError("\(file): submissions.abandon-days: must be a whole number from 1 to 365")
            }
            settings.abandonAfter = TimeInterval(days) * 86_400
        }
        func path(_ key: String) throws(ServerConfigurationError) -> URL? {
            guard let raw = map[key] else { return nil }
            guard let text = raw as? String, !text.isEmpty else {
                throw ServerConfigurationError("\(file): submissions.\(key): must be a path")
            }
            return text.hasPrefix("/") ? URL(fileURLWithPath: text) : archive.appendingPathComponent(text)
        }
        settings.pipeline = try path("pipeline")
        settings.inbox = try path("inbox")
        return settings
    }
}
