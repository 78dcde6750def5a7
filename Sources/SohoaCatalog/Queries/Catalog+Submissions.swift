import Foundation

// Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
extension Catalog {
    /// The user's submission of the upload with this SHA-256 that has not failed, or a new one in
    /// state `uploading`; `created` says which. The same upload sent again thus resumes.
    public func openSubmission(_ new: SubmissionRecord) throws(CatalogError) -> (submission: SubmissionRecord, created: Bool) {
        try write { tx throws(CatalogError) in
            if let existing = try Self.unfinishedSubmission(tx, userID: new.userID, sha256: new.sha256) { return (existing, false) }
            return (try Self.insert(new, tx), true)
        }
    }

    /// As `openSubmission(_:)`, but a new submission is made only if, with its size, the bytes of
    /// the unfinished submissions stay within `quota`: the comparison and the insertion are one
    /// write transaction, so two uploads arriving together cannot both take the last room. An
    /// upload already started resumes whatever the quotas say now.
    public func openSubmission(_ new: SubmissionRecord, within quota: SubmissionQuota) throws(CatalogError) -> SubmissionOpening {
        try write { tx throws(CatalogError) in
            if let existing = try Self.unfinishedSubmission(tx, userID: new.userID, sha256: new.sha256) {
                return .opened(existing, created: false)
            }
            let held = try Self.inboxBytes(tx, userID: new.userID)
            if held.user > quota.user - new.size { return .overUserQuota(held: held.user) }
            if held.total > quota.total - new.size { return .overTotalQuota(held: held.total) }
            return .opened(try Self.insert(new, tx), created: true)
        }
    }

    /// The user's submission of the upload with this SHA-256 that has not failed, if there is one.
    public func submission(userID: Int64, sha256: String) throws(CatalogError) -> SubmissionRecord? {
        try read { tx throws(CatalogError) in try Self.unfinishedSubmission(tx, userID: userID, sha256: sha256) }
    }

    private static func unfinishedSubmission(
        _ tx: CatalogTransaction, userID: Int64, sha256: String
    ) throws(CatalogError)
        -> SubmissionRecord?
    {
        try tx.statements.fetchOne(
            "SELECT * FROM submissions WHERE userID = ? AND sha256 = ? AND state <> 'failed' ORDER BY id DESC LIMIT 1",
            [.integer(userID), .text(sha256)])?.decode(SubmissionRecord.self)
    }

    /// Inserts `new`; returns it with its id.
    private static func insert(_ new: SubmissionRecord, _ tx: CatalogTransaction) throws(CatalogError) -> SubmissionRecord {
        var record = new
        record.id = try tx.insertRecordReturningID(record, into: SubmissionRecord.databaseTableName)
        return record
    }

    /// The submission with this id.
    public func submission(id: Int64) throws(CatalogError) -> SubmissionRecord? {
        try read { tx throws(CatalogError) in
            try tx.statements.fetchOne("SELECT * FROM submissions WHERE id = ?", [.integer(id)])?.decode(SubmissionRecord.self)
        }
    }

    /// The user's submissions, newest first (every user's when `userID` is nil).
    public func submissions(userID: Int64?, limit: Int = 200) throws(CatalogError) -> [SubmissionRecord] {
        try read { tx throws(CatalogError) in
            let rows =
                if let userID {
                    try tx.statements.fetch(
                        "SELECT * FROM submissions WHERE userID = ? ORDER BY id DESC LIMIT ?", [.integer(userID), .integer(limit)])
                } else {
                    try tx.statements.fetch("SELECT * FROM submissions ORDER BY id DESC LIMIT ?", [.integer(limit)])
                }
            return try Self.submissions(rows)
        }
    }

    /// Submissions in one of `states`, oldest first.
    public func submissions(in states: [SubmissionState]) throws(CatalogError) -> [SubmissionRecord] {
        // No state: none (SQLite's `IN ()`, which PostgreSQL refuses).
        guard !states.isEmpty else { return [] }
        return try read { tx throws(CatalogError) in
            let marks = Array(repeating: "?", count: states.count).joined(separator: ", ")
            return try Self.submissions(
                try tx.statements.fetch(
                    "SELECT * FROM submissions WHERE state IN (\(marks)) ORDER BY id", states.map { .text($0.rawValue) }))
        }
    }

    private static func submissions(_ rows: [CatalogRow]) throws(CatalogError) -> [SubmissionRecord] {
        var records: [SubmissionRecord] = []
        for row in rows { records.append(try row.decode(SubmissionRecord.self)) }
        return records
    }

    /// Records that the bytes up to `to` arrived, only if `from` is still the received count and the
    /// submission is uploading; false when another request moved it first.
    public func advanceSubmission(id: Int64, from: Int64, to: Int64, at date: Date = Date()) throws(CatalogError) -> Bool {
        try write { tx throws(CatalogError) in
            try tx.statements.execute(
                """
                UPDATE submissions SET receivedBytes = ?, updatedAt = ?
                WHERE id = ? AND receivedBytes = ? AND state = 'uploading'
                """, [.integer(to), .date(date), .integer(id), .integer(from)]) == 1
        }
    }

    /// Moves the submission to `state` (with `problems` when it failed), only from one of `from`
    /// (any state when nil); false when it was elsewhere.
    @discardableResult
    public func setSubmissionState(
        id: Int64, _ state: SubmissionState, problems: [String]? = nil, from: [SubmissionState]? = nil, at date: Date = Date()
    ) throws(CatalogError) -> Bool {
        let json = problems.flatMap { try? JSONEncoder().encode($0) }.map { String(decoding: $0, as: UTF8.self) }
        var sql = "UPDATE submissions SET state = ?, updatedAt = ?, finishedAt = ?"
        var arguments: [CatalogValue] = [.text(state.rawValue), .date(date), .date(state.isFinished ? date : nil)]
        if let json {
            sql += ", problemsJSON = ?"
            arguments.append(.text(json))
        }
        sql += " WHERE id = ?"
        arguments.append(.integer(id))
        if let from {
            // No state to move from: nothing moves (SQLite's `IN ()`, which PostgreSQL refuses).
            guard !from.isEmpty else { return false }
            sql += " AND state IN (\(Array(repeating: "?", count: from.count).joined(separator: ", ")))"
            arguments += from.map { .text($0.rawValue) }
        }
        let statement = sql
        let values = arguments
        return try write { tx throws(CatalogError) in try tx.statements.execute(statement, values) == 1 }
    }

    /// Marks a web upload whose body arrived whole as received: its batch name and the SHA-256 of
    /// the body as received are recorded, every announced byte counts as received. False when it
    /// was no longer uploading (expired meanwhile).
    public func completeWebSubmission(id: Int64, name: String, sha256: String, at date: Date = Date()) throws(CatalogError) -> Bool {
        try write { tx throws(CatalogError) in
            try tx.statements.execute(
                """
                UPDATE submissions SET name = ?, sha256 = ?, receivedBytes = size, state = 'received', updatedAt = ?
                WHERE id = ? AND state = 'uploading'
                """, [.text(name), .text(sha256), .date(date), .integer(id)]) == 1
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
            try tx.statements.execute(
                """
                UPDATE submissions SET state = 'failed', problemsJSON = ?, updatedAt = ?, finishedAt = ?
                WHERE id = ? AND state = 'uploading' AND updatedAt < ?
                """, [.text(json), .date(date), .date(date), .integer(id), .date(cutoff)]) == 1
        }
    }

    /// The pipeline's progress on a running submission.
    public func setSubmissionProgress(
        id: Int64, pagesDone: Int, pagesTotal: Int, pagesFailed: Int, itemsArchived: Int, at date: Date = Date()
    ) throws(CatalogError) {
        try write { tx throws(CatalogError) in
            _ = try tx.statements.execute(
                """
                UPDATE submissions SET pagesDone = ?, pagesTotal = ?, pagesFailed = ?, itemsArchived = ?, updatedAt = ?
                WHERE id = ?
                """,
                [.integer(pagesDone), .integer(pagesTotal), .integer(pagesFailed), .integer(itemsArchived), .date(date), .integer(id)])
        }
    }

    /// Bytes the inbox holds for submissions not finished: the user's, and everybody's.
    public func inboxBytes(userID: Int64) throws(CatalogError) -> (user: Int64, total: Int64) {
        try read { tx throws(CatalogError) in try Self.inboxBytes(tx, userID: userID) }
    }

    private static func inboxBytes(_ tx: CatalogTransaction, userID: Int64) throws(CatalogError) -> (user: Int64, total: Int64) {
        let row = try tx.statements.fetchOne(
            """
            SELECT COALESCE(SUM(CASE WHEN userID = ? THEN size ELSE 0 END), 0) AS user_bytes, COALESCE(SUM(size), 0) AS total
            FROM submissions WHERE state NOT IN ('archived', 'failed')
            """, [.integer(userID)])
        return (Int64(try row?.int("user_bytes") ?? 0), Int64(try row?.int("total") ?? 0))
    }
}
