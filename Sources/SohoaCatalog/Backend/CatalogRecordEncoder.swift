import Foundation

/// A `Codable` record's columns for a statement on either backend, one column per property as GRDB
/// writes them: nil optionals as NULL (not left out), enums by their raw value, dates and booleans as
/// `CatalogValue`s that each backend binds natively. Nested values (arrays, structures) are refused:
/// such a record keeps them in a JSON text property.
struct CatalogRecordEncoder: Encoder {
    /// The columns written so far, in the record's order.
    final class Columns {
        var list: [(name: String, value: CatalogValue)] = []
        func set(_ name: String, _ value: CatalogValue) {
            if let index = list.firstIndex(where: { $0.name == name }) { list[index].value = value } else { list.append((name, value)) }
        }
    }

    let columns: Columns
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// `record`'s columns and values.
    ///
    /// - Throws: `EncodingError` for a property that is not one column's value.
    static func columns<T: Encodable>(of record: T) throws -> [(name: String, value: CatalogValue)] {
        let columns = Columns()
        try record.encode(to: CatalogRecordEncoder(columns: columns))
        return columns.list
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(Keyed<Key>(columns: columns, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { Refused(codingPath: codingPath) }
    /// A record that is one value has no columns: its statement then fails, naming no column.
    func singleValueContainer() -> any SingleValueEncodingContainer { Single(codingPath: codingPath) }

    /// The record's properties, each one column.
    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let columns: Columns
        let codingPath: [any CodingKey]

        mutating func encodeNil(forKey key: Key) throws { columns.set(key.stringValue, .null) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { columns.set(key.stringValue, .bool(value)) }
        mutating func encode(_ value: String, forKey key: Key) throws { columns.set(key.stringValue, .text(value)) }
        mutating func encode(_ value: Double, forKey key: Key) throws { columns.set(key.stringValue, .real(value)) }
        mutating func encode(_ value: Float, forKey key: Key) throws { columns.set(key.stringValue, .real(Double(value))) }
        mutating func encode(_ value: Int, forKey key: Key) throws { columns.set(key.stringValue, .integer(Int64(value))) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { columns.set(key.stringValue, .integer(Int64(value))) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { columns.set(key.stringValue, .integer(Int64(value))) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { columns.set(key.stringValue, .integer(Int64(value))) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { columns.set(key.stringValue, .integer(value)) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { try encode(Self.exact(value, key), forKey: key) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { columns.set(key.stringValue, .integer(Int64(value))) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { columns.set(key.stringValue, .integer(Int64(value))) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { columns.set(key.stringValue, .integer(Int64(value))) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { try encode(Self.exact(value, key), forKey: key) }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            if let date = value as? Date {
                columns.set(key.stringValue, .date(date))
                return
            }
            let single = Single(codingPath: codingPath + [key])
            try value.encode(to: single)
            guard let encoded = single.value.value else {
                throw EncodingError.invalidValue(
                    value, .init(codingPath: codingPath + [key], debugDescription: "a catalog column holds one value"))
            }
            columns.set(key.stringValue, encoded)
        }

        // Nil optionals are NULL, as GRDB writes them (the synthesized `encode(to:)` calls these).
        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try nilOr(value, key) }
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try nilOr(value, key) }
        mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try nilOr(value, key) }
        mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try nilOr(value, key) }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try nilOr(value, key) }
        mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try nilOr(value, key) }
        mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try nilOr(value, key) }
        mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try nilOr(value, key) }
        mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try nilOr(value, key) }
        mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try nilOr(value, key) }
        mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try nilOr(value, key) }
        mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try nilOr(value, key) }
        mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try nilOr(value, key) }
        mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try nilOr(value, key) }
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try nilOr(value, key) }

        private mutating func nilOr<T: Encodable>(_ value: T?, _ key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }

        private static func exact<T: BinaryInteger>(_ value: T, _ key: Key) throws -> Int64 {
            guard let exact = Int64(exactly: value) else {
                throw EncodingError.invalidValue(value, .init(codingPath: [key], debugDescription: "does not fit in a 64-bit integer"))
            }
            return exact
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(Keyed<NestedKey>(columns: Columns(), codingPath: codingPath + [key]))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { Refused(codingPath: codingPath + [key]) }
        mutating func superEncoder() -> any Encoder { CatalogRecordEncoder(columns: columns, codingPath: codingPath) }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            CatalogRecordEncoder(columns: Columns(), codingPath: codingPath + [key])
        }
    }

    /// One property's value, for a type that encodes itself as one value (an enum's raw value).
    final class Single: Encoder, SingleValueEncodingContainer {
        final class Box {
            var value: CatalogValue?
        }

        let value = Box()
        let codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        init(codingPath: [any CodingKey]) { self.codingPath = codingPath }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(Keyed<Key>(columns: Columns(), codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer { Refused(codingPath: codingPath) }
        func singleValueContainer() -> any SingleValueEncodingContainer { self }

        func encodeNil() throws { value.value = .null }
        func encode(_ value: Bool) throws { self.value.value = .bool(value) }
        func encode(_ value: String) throws { self.value.value = .text(value) }
        func encode(_ value: Double) throws { self.value.value = .real(value) }
        func encode(_ value: Float) throws { self.value.value = .real(Double(value)) }
        func encode(_ value: Int) throws { self.value.value = .integer(Int64(value)) }
        func encode(_ value: Int8) throws { self.value.value = .integer(Int64(value)) }
        func encode(_ value: Int16) throws { self.value.value = .integer(Int64(value)) }
        func encode(_ value: Int32) throws { self.value.value = .integer(Int64(value)) }
        func encode(_ value: Int64) throws { self.value.value = .integer(value) }
        func encode(_ value: UInt) throws { self.value.value = Int64(exactly: value).map { .integer($0) } }
        func encode(_ value: UInt8) throws { self.value.value = .integer(Int64(value)) }
        func encode(_ value: UInt16) throws { self.value.value = .integer(Int64(value)) }
        func encode(_ value: UInt32) throws { self.value.value = .integer(Int64(value)) }
        func encode(_ value: UInt64) throws { self.value.value = Int64(exactly: value).map { .integer($0) } }

        func encode<T: Encodable>(_ value: T) throws {
            if let date = value as? Date {
                self.value.value = .date(date)
            } else {
                try value.encode(to: self)
            }
        }
    }

    /// A list where a column's value was expected: refused when written to.
    struct Refused: UnkeyedEncodingContainer {
        let codingPath: [any CodingKey]
        var count: Int { 0 }

        private func refuse() -> EncodingError {
            EncodingError.invalidValue(
                [Any](), .init(codingPath: codingPath, debugDescription: "a catalog column holds one value, not a list"))
        }

        mutating func encodeNil() throws { throw refuse() }
        mutating func encode<T: Encodable>(_ value: T) throws { throw refuse() }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(Keyed<NestedKey>(columns: Columns(), codingPath: codingPath))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { self }
        mutating func superEncoder() -> any Encoder { CatalogRecordEncoder(columns: Columns(), codingPath: codingPath) }
    }
}
