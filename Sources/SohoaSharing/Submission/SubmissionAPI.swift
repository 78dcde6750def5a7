import Crypto
import Foundation

/// The submission protocol's fixed parts (JSON over HTTP, versioned under `/api/v1`): paths, the
/// chunk header, and the largest chunk a server takes.
public enum SubmissionAPI {
    /// `POST`: name and password in, a token out (`LoginRequest` → `LoginResponse`).
    public static let loginPath = "/api/login"
    /// `POST` a `SubmissionRequest` (start or resume), `GET` the user's submissions.
    public static let submissionsPath = "/api/v1/submissions"
    /// The header a chunk's SHA-256 (64 lowercase hex digits) travels in.
    public static let chunkHashHeader = "Sohoa-Chunk-SHA256"
    /// The largest chunk a server takes (8 MiB).
    public static let maximumChunkSize: Int64 = 8 << 20
    /// The chunk size senders use unless told otherwise.
    public static let defaultChunkSize: Int64 = 8 << 20

    /// SHA-256 of `data` as 64 lowercase hex digits (chunks and whole uploads are named so).
    public static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// `GET` one submission's status.
    public static func submissionPath(_ id: Int64) -> String { "\(submissionsPath)/\(id)" }
    /// `PUT` a chunk at `offset`.
    public static func dataPath(_ id: Int64, offset: Int64) -> String { "\(submissionsPath)/\(id)/data?offset=\(offset)" }
    /// `POST` once every byte arrived: the server checks the whole upload and its bag.
    public static func completePath(_ id: Int64) -> String { "\(submissionsPath)/\(id)/complete" }
}

/// `POST /api/login`.
public struct LoginRequest: Codable, Sendable {
    public var name: String
    public var password: String

    public init(name: String, password: String) {
        self.name = name
        self.password = password
    }
}

/// The answer to a sign-in: the token to send as `Authorization: Bearer`.
public struct LoginResponse: Codable, Sendable {
    public var token: String
    public var name: String
    public var role: String
    public var expiresAt: Date

    public init(token: String, name: String, role: String, expiresAt: Date) {
        self.token = token
        self.name = name
        self.role = role
        self.expiresAt = expiresAt
    }
}

/// `POST /api/v1/submissions`: what the sender is about to upload.
public struct SubmissionRequest: Codable, Sendable, Equatable {
    /// The batch folder's name.
    public var name: String
    /// Bytes of the tar.
    public var size: Int64
    /// SHA-256 of the tar, 64 lowercase hex digits.
    public var sha256: String
    public var chunkSize: Int64

    public init(name: String, size: Int64, sha256: String, chunkSize: Int64) {
        self.name = name
        self.size = size
        self.sha256 = sha256
        self.chunkSize = chunkSize
    }
}

/// A submission as the server reports it.
public struct SubmissionStatus: Codable, Sendable, Equatable {
    public var id: Int64
    public var name: String
    /// `uploading`, `received`, `verified`, `queued`, `running`, `archived` or `failed`.
    public var state: String
    public var size: Int64
    public var sha256: String
    public var chunkSize: Int64
    /// Bytes the server holds; the next chunk goes there.
    public var receivedBytes: Int64
    /// Why it was refused or failed.
    public var problems: [String]
    public var libraryCode: String?
    public var pagesDone: Int
    public var pagesTotal: Int
    public var pagesFailed: Int
    public var itemsArchived: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: Int64, name: String, state: String, size: Int64, sha256: String, chunkSize: Int64, receivedBytes: Int64,
        problems: [String], libraryCode: String?, pagesDone: Int, pagesTotal: Int, pagesFailed: Int, itemsArchived: Int,
        createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.name = name
        self.state = state
        self.size = size
        self.sha256 = sha256
        self.chunkSize = chunkSize
        self.receivedBytes = receivedBytes
        self.problems = problems
        self.libraryCode = libraryCode
        self.pagesDone = pagesDone
        self.pagesTotal = pagesTotal
        self.pagesFailed = pagesFailed
        self.itemsArchived = itemsArchived
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Whether nothing more will happen to it (archived or failed).
    public var isFinished: Bool { state == "archived" || state == "failed" }
    /// Whether the server holds the verified bag (or is further on).
    public var isVerified: Bool { ["verified", "queued", "running", "archived"].contains(state) }
}

/// The body of every refusal: one plain sentence, and the problems when there are several.
public struct SubmissionAPIError: Codable, Sendable, Equatable {
    public var error: String
    public var problems: [String]

    public init(error: String, problems: [String] = []) {
        self.error = error
        self.problems = problems
    }
}

extension JSONEncoder {
    /// The submission protocol's encoder: ISO 8601 dates, sorted keys.
    public static var submission: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}

extension JSONDecoder {
    /// The submission protocol's decoder: ISO 8601 dates.
    public static var submission: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
