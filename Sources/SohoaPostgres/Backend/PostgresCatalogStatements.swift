import Foundation
import PostgresNIO
import SohoaCatalog

/// `CatalogStatements` on PostgreSQL, inside one transaction: the catalog's `?` placeholders become
/// `$1 …` (outside string literals, quoted names and comments), values are bound with the types the
/// schema twin has (`bigint`, `double precision`, `text`, `boolean`, `timestamptz` compared in the
/// session's UTC with `TIMESTAMP(3)`), and answers are read into `CatalogRow`s (`numeric` sums as
/// integers when they have no fraction).
struct PostgresCatalogStatements: CatalogStatements {
    let transaction: PostgresCatalogTransaction
    let location: URL

    var dialect: CatalogDialect { .postgres }

    func fetch(_ sql: String, _ arguments: [CatalogValue]) throws(CatalogError) -> [CatalogRow] {
        let rows: [PostgresRow]
        do {
            rows = try transaction.query(Self.query(sql, arguments))
        } catch {
            throw Self.catalogError(error, location: location)
        }
        var answer: [CatalogRow] = []
        answer.reserveCapacity(rows.count)
        for row in rows {
            var columns: [(name: String, value: CatalogValue)] = []
            for cell in row {
                columns.append((cell.columnName, try Self.value(cell, location: location)))
            }
            answer.append(CatalogRow(columns, file: location))
        }
        return answer
    }

    @discardableResult
    func execute(_ sql: String, _ arguments: [CatalogValue]) throws(CatalogError) -> Int {
        do {
            return try transaction.execute(Self.query(sql, arguments))
        } catch {
            throw Self.catalogError(error, location: location)
        }
    }

    func insertReturningID(_ sql: String, _ arguments: [CatalogValue]) throws(CatalogError) -> Int64 {
        guard let row = try fetch(sql + " RETURNING id", arguments).first, let id = try row.optionalInt("id") else {
            throw CatalogError(
                kind: .databaseFailed, file: location,
                message: "danh mục \(location.absoluteString) không trả về mã của dòng mới / the catalog at \(location.absoluteString) "
                    + "gave no id for the new row; report it", sql: sql)
        }
        return Int64(id)
    }

    /// `sql` with its `?`s numbered `$1 …` and `arguments` bound to them.
    static func query(_ sql: String, _ arguments: [CatalogValue]) -> PostgresQuery {
        var bindings = PostgresBindings(capacity: arguments.count)
        for argument in arguments {
            switch argument {
            case .null: bindings.appendNull()
            case .integer(let number): bindings.append(number)
            case .real(let number): bindings.append(number)
            case .text(let text): bindings.append(text)
            case .date(let date):
                // Cut to the millisecond as GRDB's text dates are (`.SSS`), where TIMESTAMP(3) would round:
                // the same moment is stored, and compared, alike on both engines.
                bindings.append(Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded(.down) / 1000))
            case .bool(let flag): bindings.append(flag)
            }
        }
        return PostgresQuery(unsafeSQL: numberingPlaceholders(sql), binds: bindings)
    }

    /// `sql` with each `?` outside string literals (`'…'`), quoted names (`"…"`) and comments
    /// (`-- …`) replaced by `$1`, `$2`, … in order.
    static func numberingPlaceholders(_ sql: String) -> String {
        var result = ""
        result.reserveCapacity(sql.utf8.count + 8)
        var number = 0
        var quote: Character?
        var inComment = false
        var previous: Character?
        for character in sql {
            if inComment {
                if character == "\n" { inComment = false }
            } else if let open = quote {
                if character == open { quote = nil }  // a doubled quote closes and opens again: same result
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "-" && previous == "-" {
                inComment = true
            } else if character == "?" {
                number += 1
                result += "$\(number)"
                previous = character
                continue
            }
            result.append(character)
            previous = character
        }
        return result
    }

    /// A cell of an answer as the neutral row holds it.
    static func value(_ cell: PostgresCell, location: URL) throws(CatalogError) -> CatalogValue {
        guard cell.bytes != nil else { return .null }
        do {
            switch cell.dataType {
            case .int2: return .integer(Int64(try cell.decode(Int16.self)))
            case .int4: return .integer(Int64(try cell.decode(Int32.self)))
            case .int8: return .integer(try cell.decode(Int64.self))
            case .float4: return .real(Double(try cell.decode(Float.self)))
            case .float8: return .real(try cell.decode(Double.self))
            case .numeric:
                let number = NSDecimalNumber(decimal: try cell.decode(Decimal.self)).doubleValue
                return number == number.rounded() && abs(number) < 9e15 ? .integer(Int64(number)) : .real(number)
            case .bool: return .bool(try cell.decode(Bool.self))
            case .timestamp, .timestamptz, .date: return .date(try cell.decode(Date.self))
            default: return .text(try cell.decode(String.self))
            }
        } catch {
            throw CatalogError(
                kind: .databaseFailed, file: location,
                message: "không đọc được cột \(cell.columnName) của danh mục \(location.absoluteString) / cannot read column "
                    + "\(cell.columnName) (type \(cell.dataType)) of the catalog at \(location.absoluteString): \(error); report it")
        }
    }

    /// A PostgreSQL failure as the catalog's error, of the same kind.
    static func catalogError(_ error: PostgresCatalogError, location: URL) -> CatalogError {
        let kind: CatalogError.Kind =
            switch error.kind {
            case .badAddress, .unreachable, .tlsFailed, .authenticationFailed, .noSuchDatabase: .cannotOpen
            case .notACatalog: .notACatalog
            case .newerThanThisSohoa: .newerThanThisSohoa
            case .constraintViolated: .constraintViolated
            case .locked: .locked
            case .destinationNotEmpty, .schemaMismatch, .countMismatch, .failed: .databaseFailed
            }
        return CatalogError(kind: kind, file: location, message: error.message, sql: error.sql)
    }
}
