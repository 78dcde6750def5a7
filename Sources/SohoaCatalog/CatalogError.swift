import Foundation
import GRDB

/// An error from the catalog: which file, what is wrong, and what to do about it.
public struct CatalogError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, broadly; `message` says it in words.
    public enum Kind: String, Sendable, Equatable, Codable {
        /// The file exists but is not a sohoa catalog (another SQLite database, or not SQLite at all).
        case notACatalog
        /// Another process holds the catalog's write lock for longer than the busy timeout.
        case locked
        /// The catalog was migrated by a newer sohoa; this one does not know its schema.
        case newerThanThisSohoa
        /// The file cannot be opened or written (missing folder, permissions, read-only file system).
        case cannotOpen
        /// The disk holding the catalog is full.
        case diskFull
        /// A write broke a schema constraint (missing item, duplicate key, value out of range).
        case constraintViolated
        /// The record asked for does not exist.
        case notFound
        /// Any other SQLite failure.
        case databaseFailed
        /// The query has not been ported to a catalog on PostgreSQL yet (only SQLite has it).
        case notOnThisBackend
        /// The connection to the catalog (PostgreSQL) was lost while a write was being committed: it
        /// may or may not have been kept. Do not run it again blindly (SQLite never throws this: a
        /// failed commit there is a rollback).
        case outcomeUnknown
    }

    /// What went wrong, broadly.
    public var kind: Kind
    /// The catalog file.
    public var file: URL
    /// What is wrong and what to do about it.
    public var message: String
    /// The SQL statement that failed, when there is one.
    public var sql: String?
    /// SQLite's extended result code, when SQLite reported the error.
    public var resultCode: Int32?

    /// Makes an error; `message` should say what to do next.
    public init(kind: Kind, file: URL, message: String, sql: String? = nil, resultCode: Int32? = nil) {
        self.kind = kind
        self.file = file
        self.message = message
        self.sql = sql
        self.resultCode = resultCode
    }

    public var description: String {
        var text = message
        if let resultCode { text += " [SQLite code \(resultCode)]" }
        if let sql { text += " [SQL: \(sql)]" }
        return text
    }

    /// Wraps any error thrown while using the catalog at `file`.
    init(_ error: any Error, file: URL) {
        if let error = error as? CatalogError {
            self = error
            return
        }
        guard let error = error as? DatabaseError else {
            self.init(
                kind: .databaseFailed, file: file,
                message:
                    "the catalog at \(file.path) failed: \(error); run the command again, and report it if it persists")
            return
        }
        let code = error.extendedResultCode
        let detail = error.message ?? "\(code)"
        let path = file.path
        let kind: Kind
        let message: String
        switch code.primaryResultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            kind = .notACatalog
            message =
                "the catalog at \(path) is not a sohoa catalog or is damaged (\(detail)); "
                + "point --archive or --catalog at a sohoa archive, or restore catalog.sqlite from a backup"
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            kind = .locked
            message =
                "the catalog at \(path) is locked by another process (\(detail)); "
                + "wait for the other sohoa command to finish, then run this one again"
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH:
            kind = .cannotOpen
            message =
                "cannot open or write the catalog at \(path) (\(detail)); "
                + "check that its folder exists and that you may write to it"
        case .SQLITE_FULL:
            kind = .diskFull
            message = "the disk holding the catalog at \(path) is full; free some space, then run again"
        case .SQLITE_CONSTRAINT:
            kind = .constraintViolated
            message =
                "the catalog at \(path) rejected a write (\(detail)); "
                + Self.constraintAdvice(code)
        default:
            kind = .databaseFailed
            message = "the catalog at \(path) failed (\(detail)); run the command again, and report it if it persists"
        }
        self.init(kind: kind, file: file, message: message, sql: error.sql, resultCode: code.rawValue)
    }

    private static func constraintAdvice(_ code: ResultCode) -> String {
        switch code {
        case .SQLITE_CONSTRAINT_FOREIGNKEY:
            "record the batch, item or page before what refers to it"
        case .SQLITE_CONSTRAINT_CHECK:
            "a value is outside what the catalog allows (see the schema in CatalogSchema.swift)"
        case .SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY:
            "a record with that key already exists; update it instead of adding it again"
        case .SQLITE_CONSTRAINT_NOTNULL:
            "a required value is missing"
        default:
            "check the values written"
        }
    }

    /// `what` (a query of the catalog) is not yet available on the catalog at `file`, which is on PostgreSQL.
    static func notOnThisBackend(_ what: String, file: URL) -> CatalogError {
        CatalogError(
            kind: .notOnThisBackend, file: file,
            message: "chưa dùng được trên danh mục PostgreSQL: \(what) / not yet available on a PostgreSQL catalog: \(what) "
                + "(\(file.absoluteString)); use the SQLite catalog for this (sohoa catalog copy --from … --to …)")
    }

    /// The connection to the catalog at `file` was lost after a write's statements ran, while it was
    /// being committed: whether it was kept is unknown (`detail`: the connection's error).
    public static func outcomeUnknown(file: URL, detail: String) -> CatalogError {
        CatalogError(
            kind: .outcomeUnknown, file: file,
            message: "mất kết nối tới danh mục \(file.absoluteString) khi đang lưu một thay đổi; không biết thay đổi đã được lưu hay chưa "
                + "/ the connection to the catalog at \(file.absoluteString) was lost while a change was being saved; whether it was "
                + "saved is unknown (\(detail))")
    }

    /// A record asked for by key does not exist.
    static func notFound(_ what: String, file: URL) -> CatalogError {
        CatalogError(
            kind: .notFound, file: file,
            message:
                "the catalog at \(file.isFileURL ? file.path : file.absoluteString) has no \(what); ingest it first (sohoa run <batch>)")
    }
}
