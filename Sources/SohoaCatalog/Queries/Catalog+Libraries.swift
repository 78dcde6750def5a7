import Foundation

extension Catalog {
    /// Adds a library to the network's list; see `CatalogTransaction.addLibrary`.
    @discardableResult
    public func addLibrary(
        code: String, name: String, district: String? = nil, provincial: Bool = false, at date: Date = Date()
    ) throws(CatalogError) -> LibraryRecord {
        try write { tx throws(CatalogError) in
            try tx.addLibrary(code: code, name: name, district: district, provincial: provincial, at: date)
        }
    }

    /// Renames a library (and sets its district or makes it the provincial library when given); see
    /// `CatalogTransaction.renameLibrary`.
    @discardableResult
    public func renameLibrary(
        code: String, name: String, district: String? = nil, provincial: Bool = false, at date: Date = Date()
    ) throws(CatalogError) -> LibraryRecord {
        try write { tx throws(CatalogError) in
            try tx.renameLibrary(code: code, name: name, district: district, provincial: provincial, at: date)
        }
    }

    /// Every library: the provincial library first, then by code.
    public func libraries() throws(CatalogError) -> [LibraryRecord] {
        try read { tx throws(CatalogError) in try tx.libraries() }
    }

    /// The library with this code (compared in upper case), if the catalog lists it.
    public func library(code: String) throws(CatalogError) -> LibraryRecord? {
        try read { tx throws(CatalogError) in try tx.library(code: code) }
    }

    /// The provincial library, when one is marked.
    public func provincialLibrary() throws(CatalogError) -> LibraryRecord? {
        try read { tx throws(CatalogError) in try tx.provincialLibrary() }
    }

    /// Which libraries' items `user` works on (see `AccessScope`).
    public func accessScope(of user: UserRecord) throws(CatalogError) -> AccessScope {
        try read { tx throws(CatalogError) in try tx.accessScope(of: user) }
    }
}

extension CatalogTransaction {
    /// Adds a library. Throws `constraintViolated` when the code is not a library code (1 to 32 letters
    /// A–Z, digits, `-`, `_`), is listed already, the name is empty, or another library is provincial.
    @discardableResult
    public func addLibrary(
        code text: String, name: String, district: String? = nil, provincial: Bool = false, at date: Date = Date()
    ) throws(CatalogError) -> LibraryRecord {
        guard let code = LibraryRecord.code(text) else {
            throw CatalogError(
                kind: .constraintViolated, file: file,
                message: "'\(text)' is not a library code: use 1 to 32 letters A–Z, digits, '-' or '_' (e.g. TUY)")
        }
        if let existing = try library(code: code) {
            throw CatalogError(
                kind: .constraintViolated, file: file,
                message: "library \(code) is listed already (\(existing.name)); to change its name use "
                    + "`sohoa libraries rename \(code) \"Tên mới\"`")
        }
        let record = LibraryRecord(
            code: code, name: try Self.libraryName(name, file: file), district: Self.cleanDistrict(district),
            provincial: false, createdAt: date, updatedAt: date)
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        try insertRecord(record, into: "libraries")
        if provincial { try makeProvincial(code: code, at: date) }
        return try library(code: code) ?? record
    }

    /// Gives the library a new name (and the district, when given; makes it the provincial library when
    /// `provincial`). Throws `notFound` for an unknown code, `constraintViolated` for an empty name or when
    /// another library is provincial.
    @discardableResult
    public func renameLibrary(
        code text: String, name: String, district: String? = nil, provincial: Bool = false, at date: Date = Date()
    ) throws(CatalogError) -> LibraryRecord {
        let code = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard try library(code: code) != nil else { throw unknownLibrary(text) }
        let name = try Self.libraryName(name, file: file)
        let district = Self.cleanDistrict(district)
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        try statements.execute("UPDATE libraries SET name = ?, updatedAt = ? WHERE code = ?", [.text(name), .date(date), .text(code)])
        if let district {
            try statements.execute("UPDATE libraries SET district = ? WHERE code = ?", [.text(district), .text(code)])
        }
        if provincial { try makeProvincial(code: code, at: date) }
        guard let renamed = try library(code: code) else { throw unknownLibrary(text) }
        return renamed
    }

    /// Every library: the provincial library first, then by code.
    public func libraries() throws(CatalogError) -> [LibraryRecord] {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        var libraries: [LibraryRecord] = []
        for row in try statements.fetch("SELECT * FROM libraries ORDER BY provincial DESC, code", []) {
            libraries.append(try row.decode(LibraryRecord.self))
        }
        return libraries
    }

    /// The library with this code (compared in upper case), if the catalog lists it.
    public func library(code: String) throws(CatalogError) -> LibraryRecord? {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        let code = code.trimmingCharacters(in: .whitespaces).uppercased()
        return try statements.fetchOne("SELECT * FROM libraries WHERE code = ?", [.text(code)])?.decode(LibraryRecord.self)
    }

    /// The provincial library, when one is marked.
    public func provincialLibrary() throws(CatalogError) -> LibraryRecord? {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        try statements.fetchOne("SELECT * FROM libraries WHERE provincial = \(statements.dialect.trueValue)")?.decode(LibraryRecord.self)
    }

    /// Which libraries' items `user` works on (see `AccessScope`).
    public func accessScope(of user: UserRecord) throws(CatalogError) -> AccessScope {
        guard let code = user.libraryCode else { return .everything }
        let provincial = try library(code: code)?.provincial ?? false
        return AccessScope(role: user.role, libraryCode: code, provincial: provincial)
    }

    /// The error for a library code the catalog does not list.
    func unknownLibrary(_ code: String) -> CatalogError {
        CatalogError(
            kind: .notFound, file: file,
            message: "the catalog has no library '\(code)'; see `sohoa libraries list`, or add it with "
                + "`sohoa libraries add \(code.uppercased()) \"Tên thư viện\"`")
    }

    /// Marks `code` as the provincial library, refusing when another library is.
    private func makeProvincial(code: String, at date: Date) throws(CatalogError) {
        if let other = try provincialLibrary(), other.code != code {
            throw CatalogError(
                kind: .constraintViolated, file: file,
                message: "\(other.code) (\(other.name)) is the provincial library already; there is only one")
        }
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        try statements.execute(
            "UPDATE libraries SET provincial = \(statements.dialect.trueValue), updatedAt = ? WHERE code = ?", [.date(date), .text(code)])
    }

    private static func libraryName(_ name: String, file: URL) throws(CatalogError) -> String {
        let name = name.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else {
            throw CatalogError(
                kind: .constraintViolated, file: file, message: "a library needs a name, e.g. \"Thư viện huyện Than Uyên\"")
        }
        return name
    }

    private static func cleanDistrict(_ district: String?) -> String? {
        guard let text = district?.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines),
            !text.isEmpty
        else { return nil }
        return text
    }
}
