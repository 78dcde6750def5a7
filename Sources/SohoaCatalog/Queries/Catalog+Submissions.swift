import Foundation
import GRDB

extension Catalog {
    /// The user's submission of the upload with this SHA-256 that has not failed, or a new one in
    /// state `uploading`; `created` says which. The same upload sent again thus resumes.
    public func openSubmission(_ new: SubmissionRecord) throws(CatalogError) -> (submission: SubmissionRecord, created: Bool) {
        try write { tx throws(CatalogError) in
            try tx.run { () throws -> (SubmissionRecord, Bool) in
                if let existing = try Self.unfinishedSubmission(tx.db, userID: new.userID, sha256: new.sha256) { return (existing, false) }
                var record = new
                try record.insert(tx.db)
                return (record, true)
            }
        }
    }

    /// As `openSubmission(_:)`, but a new submission is made only if, with its size, the bytes of
    /// the unfinished submissions stay within `quota`: the comparison and the insertion are one
    /// write transaction, so two uploads arriving together cannot both take the last room. An
    /// upload already started resumes whatever the quotas say now.
    public func openSubmission(_ new: SubmissionRecord, within quota: SubmissionQuota) throws(CatalogError) -> SubmissionOpening {
        try write { tx throws(CatalogError) in
            try tx.run { () throws -> SubmissionOpening in
                if let existing = try Self.unfinishedSubmission(tx.db, userID: new.userID, sha256: new.sha256) {
                    return .opened(existing, created: false)
                }
                let held = try Self.inboxBytes(tx.db, userID: new.userID)
                if held.user > quota.user - new.size { return .overUserQuota(held: held.user) }
                if held.total > quota.total - new.size { return .overTotalQuota(held: held.total) }
                var record = new
                try record.insert(tx.db)
                return .opened(record, created: true)
            }
        }
    }

    /// The user's submission of the upload with this SHA-256 that has not failed, if there is one.
    public func submission(userID: Int64, sha256: String) throws(CatalogError) -> SubmissionRecord? {
        try read { tx throws(CatalogError) in try tx.run { try Self.unfinishedSubmission(tx.db, userID: userID, sha256: sha256) } }
    }

    private static func unfinishedSubmission(_ db: Database, userID: Int64, sha256: String) throws -> SubmissionRecord? {
        try SubmissionRecord.fetchOne(
            db, sql: "SELECT * FROM submissions WHERE userID = ? AND sha256 = ? AND state <> 'failed' ORDER BY id DESC LIMIT 1",
            arguments: [userID, sha256])
    }

    /// The submission with this id.
    public func submission(id: Int64) throws(CatalogError) -> SubmissionRecord? {
        try read { tx throws(CatalogError) in try tx.run { try SubmissionRecord.fetchOne(tx.db, key: id) } }
    }

    /// The user's submissions, newest first (every user's when `userID` is nil).
    public func submissions(userID: Int64?, limit: Int = 200) throws(CatalogError) -> [SubmissionRecord] {
        try read { tx throws(CatalogError) in
            try tx.run {
                if let userID {
                    return try SubmissionRecord.fetchAll(
                        tx.db, sql: "SELECT * FROM submissions WHERE userID = ? ORDER BY id DESC LIMIT ?", arguments: [userID, limit])
                }
                return try SubmissionRecord.fetchAll(tx.db, sql: "SELECT * FROM submissions ORDER BY id DESC LIMIT ?", arguments: [limit])
            }
        }
    }

    /// Submissions in one of `states`, oldest first.
    public func submissions(in states: [SubmissionState]) throws(CatalogError) -> [SubmissionRecord] {
        try read { tx throws(CatalogError) in
            try tx.run {
                let marks = Array(repeating: "?", count: states.count).joined(separator: ", ")
                return try SubmissionRecord.fetchAll(
                    tx.db, sql: "SELECT * FROM submissions WHERE state IN (\(marks)) ORDER BY id",
                    arguments: StatementArguments(states.map(\.rawValue)))
            }
        }
    }

    /// Records that the bytes up to `to` arrived, only if `from` is still the received count and the
    /// submission is uploading; false when another request moved it first.
    public func advanceSubmission(id: Int64, from: Int64, to: Int64, at date: Date = Date()) throws(CatalogError) -> Bool {
        try write { tx throws(CatalogError) in
            try tx.run {
                try tx.db.execute(
                    sql: """
                        UPDATE submissions SET receivedBytes = ?, updatedAt = ?
                        WHERE id = ? AND receivedBytes = ? AND state = 'uploading'
                        """, arguments: [to, date, id, from])
                return try tx.db.changesCount == 1
            }
        }
    }

    /// Moves the submission to `state` (with `problems` when it failed), only from one of `from`
    /// (any state when nil); false when it was elsewhere.
    @discardableResult
    public func setSubmissionState(
        id: Int64, _ state: SubmissionState, problems: [String]? = nil, from: [SubmissionState]? = nil, at date: Date = Date()
    ) throws(CatalogError) -> Bool {
        let json = problems.flatMap { try? JSONEncoder().encode($0) }.map { String(decoding: $0, as: UTF8.self) }
        return try write { tx throws(CatalogError) in
            try tx.run {
                var sql = "UPDATE submissions SET state = ?, updatedAt = ?, finishedAt = ?"
                var arguments: [(any DatabaseValueConvertible)?] = [state.rawValue, date, state.isFinished ? date : nil]
                if let json {
                    sql += ", problemsJSON = ?"
                    arguments.append(json)
                }
                sql += " WHERE id = ?"
                arguments.append(id)
                if let from {
                    sql += " AND state IN (\(Array(repeating: "?", count: from.count).joined(separator: ", ")))"
                    arguments += from.map(\.rawValue)
                }
                try tx.db.execute(sql: sql, arguments: StatementArguments(arguments))
                return try tx.db.changesCount == 1
            }
        }
    }

    /// Marks a web upload whose body arrived whole as received: its batch name and the SHA-256 of
    /// the body as received are recorded, every announced byte counts as received. False when it
    /// was no longer uploading (expired meanwhile).
    public func completeWebSubmission(id: Int64, name: String, sha256: String, at date: Date = Date()) throws(CatalogError) -> Bool {
        try write { tx throws(CatalogError) in
            try tx.run {
                try tx.db.execute(
                    sql: """
                        UPDATE submissions SET name = ?, sha256 = ?, receivedBytes = size, state = 'received', updatedAt = ?
                        WHERE id = ? AND state = 'uploading'
                        """, arguments: [name, sha256, date, id])
                return try tx.db.changesCount == 1
            }
        }
    }

    /// Fails an upload that has not moved since before `cutoff` (abandoned), with `problems`; false
    /// when it moved on or ended meanwhile. Its bytes stop counting against the quotas.
    public func expireSubmission(
        id: Int64, idleSince cutoff: Date, problems: [String], at date: Date = Date()
    ) throws(CatalogError)
        -> Bool
    {
        let json = (try? JSONEncoder().encode(problems)).map { String(decoding: $0, as: UTF8.self) }
        return try write { tx throws(CatalogError) in
            try tx.run {
                try tx.db.execute(
                    sql: """
                        UPDATE submissions SET state = 'failed', problemsJSON = ?, updatedAt = ?, finishedAt = ?
                        WHERE id = ? AND state = 'uploading' AND updatedAt < ?
                        """, arguments: [json, date, date, id, cutoff])
                return try tx.db.changesCount == 1
            }
        }
    }

    /// The pipeline's progress on a running submission.
    public func setSubmissionProgress(
        id: Int64, pagesDone: Int, pagesTotal: Int, pagesFailed: Int, itemsArchived: Int, at date: Date = Date()
    ) throws(CatalogError) {
        try write { tx throws(CatalogError) in
            try tx.run {
                try tx.db.execute(
                    sql: """
                        UPDATE submissions SET pagesDone = ?, pagesTotal = ?, pagesFailed = ?, itemsArchived = ?, updatedAt = ?
                        WHERE id = ?
                        """, arguments: [pagesDone, pagesTotal, pagesFailed, itemsArchived, date, id])
            }
        }
    }

    /// Bytes the inbox holds for submissions not finished: the user's, and everybody's.
    public func inboxBytes(userID: Int64) throws(CatalogError) -> (user: Int64, total: Int64) {
        try read { tx throws(CatalogError) in try tx.run { try Self.inboxBytes(tx.db, userID: userID) } }
    }

    private static func inboxBytes(_ db: Database, userID: Int64) throws -> (user: Int64, total: Int64) {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT COALESCE(SUM(CASE WHEN userID = ? THEN size ELSE 0 END), 0) AS user, COALESCE(SUM(size), 0) AS total
                FROM submissions WHERE state NOT IN ('archived', 'failed')
                """, arguments: [userID])
        return (row?["user"] ?? 0, row?["total"] ?? 0)
    }
}
