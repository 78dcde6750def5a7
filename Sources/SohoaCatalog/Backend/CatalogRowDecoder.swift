import Foundation

/// Reads a `Codable` record (`BatchRecord`, `FailureRecord`, …) from a `CatalogRow`, one column per
/// property as GRDB does: dates from either backend's form, booleans from 0/1 or `boolean`, enums
/// from their raw text. Nested containers (JSON columns decoded as values) are not supported: such
/// a record reads its column as text and decodes it itself.
struct CatalogRowDecoder: Decoder {
    let row: CatalogRow
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Columns<Key>(row: row, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch(
            [Any].self, .init(codingPath: codingPath, debugDescription: "a catalog row is read by column name, not as a list"))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        throw DecodingError.typeMismatch(
            Any.self, .init(codingPath: codingPath, debugDescription: "a catalog row is read by column name, not as one value"))
    }

    /// The row's columns, by the record's property names.
    struct Columns<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let row: CatalogRow
        let codingPath: [any CodingKey]
        var allKeys: [Key] { [] }

        func contains(_ key: Key) -> Bool { (try? row.value(key.stringValue)) != nil }

        func decodeNil(forKey key: Key) throws -> Bool { try row.value(key.stringValue) == .null }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try row.bool(key.stringValue) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try row.string(key.stringValue) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try number(key) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try number(key)) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try row.int(key.stringValue) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try integer(key) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try integer(key) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try integer(key) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try integer(key) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try integer(key) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try integer(key) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try integer(key) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try integer(key) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try integer(key) }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            if type == Date.self, let date = try row.date(key.stringValue) as? T { return date }
            return try T(from: Column(value: try row.value(key.stringValue), codingPath: codingPath + [key]))
        }

        func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type, forKey key: Key
        ) throws -> KeyedDecodingContainer<NestedKey> {
            throw unsupported(key)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { throw unsupported(key) }
        func superDecoder() throws -> any Decoder { CatalogRowDecoder(row: row, codingPath: codingPath) }
        func superDecoder(forKey key: Key) throws -> any Decoder { throw unsupported(key) }

        private func number(_ key: Key) throws -> Double {
            guard let number = try row.optionalDouble(key.stringValue) else {
                throw DecodingError.valueNotFound(Double.self, .init(codingPath: codingPath + [key], debugDescription: "NULL"))
            }
            return number
        }

        private func integer<T: FixedWidthInteger>(_ key: Key) throws -> T {
            let number = try row.int(key.stringValue)
            guard let value = T(exactly: number) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: self, debugDescription: "\(number) does not fit in \(T.self)")
            }
            return value
        }

        private func unsupported(_ key: Key) -> DecodingError {
            DecodingError.typeMismatch(
                Any.self, .init(codingPath: codingPath + [key], debugDescription: "a catalog column holds one value, not a container"))
        }
    }

    /// One column's value, for a property whose type decodes itself from one value (an enum's raw value).
    struct Column: Decoder, SingleValueDecodingContainer {
        let value: CatalogValue
        let codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> { throw mismatch(Key.self) }
        func unkeyedContainer() throws -> any UnkeyedDecodingContainer { throw mismatch([Any].self) }
        func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

        func decodeNil() -> Bool { value == .null }

        func decode(_ type: Bool.Type) throws -> Bool {
            switch value {
            case .bool(let flag): return flag
            case .integer(let number): return number != 0
            default: throw mismatch(type)
            }
        }

        func decode(_ type: String.Type) throws -> String {
            guard case .text(let text) = value else { throw mismatch(type) }
            return text
        }

        func decode(_ type: Double.Type) throws -> Double {
            switch value {
            case .real(let number): return number
            case .integer(let number): return Double(number)
            default: throw mismatch(type)
            }
        }

        func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }
        func decode(_ type: Int.Type) throws -> Int { try integer() }
        func decode(_ type: Int8.Type) throws -> Int8 { try integer() }
        func decode(_ type: Int16.Type) throws -> Int16 { try integer() }
        func decode(_ type: Int32.Type) throws -> Int32 { try integer() }
        func decode(_ type: Int64.Type) throws -> Int64 { try integer() }
        func decode(_ type: UInt.Type) throws -> UInt { try integer() }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try integer() }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try integer() }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try integer() }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try integer() }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: self) }

        private func integer<T: FixedWidthInteger>() throws -> T {
            guard case .integer(let number) = value, let exact = T(exactly: number) else { throw mismatch(T.self) }
            return exact
        }

        private func mismatch(_ type: Any.Type) -> DecodingError {
            DecodingError.typeMismatch(type, .init(codingPath: codingPath, debugDescription: "the column holds \(value)"))
        }
    }
}

extension CatalogRow {
    /// The row as a `Codable` record, one column per property (see `CatalogRowDecoder`).
    ///
    /// - Throws: `CatalogError` (`.databaseFailed`) naming the property that cannot be read.
    public func decode<T: Decodable>(_ type: T.Type) throws(CatalogError) -> T {
        do {
            return try T(from: CatalogRowDecoder(row: self))
        } catch let error as CatalogError {
            throw error
        } catch {
            throw CatalogError(
                kind: .databaseFailed, file: file,
                message: "không đọc được một dòng danh mục thành \(T.self) / cannot read a row of the catalog at "
                    + "\(file.absoluteString) as \(T.self): \(error); report it")
        }
    }
}
