import Foundation
import PostgresNIO

/// One column's value as PostgreSQL receives it: the domain's `Codable` keys are the columns, a value that encodes
/// as one number, text, flag or time is bound as such, and anything with structure (labels, a timeline fact, a
/// notification's message) as `jsonb`.
enum PostgresColumn: Sendable {
    case null
    case text(String)
    case integer(Int64)
    case double(Double)
    case bool(Bool)
    case time(Date)
    case json(String)

    /// The placeholder for bind number `index` (1-based), cast where PostgreSQL cannot infer the type.
    func placeholder(_ index: Int) -> String {
        if case .json = self { return "$\(index)::jsonb" }
        return "$\(index)"
    }

    func bind(into bindings: inout PostgresBindings) {
        switch self {
        case .null: bindings.appendNull()
        case .text(let text): bindings.append(text)
        case .integer(let number): bindings.append(number)
        case .double(let number): bindings.append(number)
        case .bool(let flag): bindings.append(flag)
        case .time(let date): bindings.append(date)
        case .json(let json): bindings.append(json)
        }
    }
}

/// A domain value as a row of `table`, and back: what lets every PostgreSQL repository store the same `Codable`
/// types the SQLite store does, without a column list written twice.
struct PostgresRecord {
    /// Every column of `value`, in its coding order; `nil` optionals are `.null`.
    static func columns(of value: some Encodable) throws -> [(name: String, value: PostgresColumn)] {
        let encoder = ColumnEncoder()
        try value.encode(to: encoder)
        return encoder.storage.columns
    }

    /// The `INSERT` of `value` into `table`, leaving out `omitting` (an identity column to generate) and null
    /// columns (their defaults apply).
    static func insert(
        _ value: some Encodable, into table: String, omitting: Set<String> = [], returning: String? = nil,
        onConflict: String? = nil
    ) throws -> PostgresQuery {
        let columns = try columns(of: value).filter { column in
            if omitting.contains(column.name) { return false }
            if case .null = column.value { return false }
            return true
        }
        var bindings = PostgresBindings()
        var placeholders: [String] = []
        for (index, column) in columns.enumerated() {
            column.value.bind(into: &bindings)
            placeholders.append(column.value.placeholder(index + 1))
        }
        var sql =
            "INSERT INTO \(table) (\(columns.map { quoted($0.name) }.joined(separator: ", "))) "
            + "VALUES (\(placeholders.joined(separator: ", ")))"
        if let onConflict { sql += " ON CONFLICT \(onConflict)" }
        if let returning { sql += " RETURNING \(returning)" }
        return PostgresQuery(unsafeSQL: sql, binds: bindings)
    }

    /// The `INSERT` of `value`, or, when a row with its `key` columns exists, the `UPDATE` of that row to it.
    static func upsert(_ value: some Encodable, into table: String, key: [String]) throws -> PostgresQuery {
        let names = try columns(of: value).map(\.name).filter { !key.contains($0) }
        let assignments = names.map { "\(quoted($0)) = excluded.\(quoted($0))" }.joined(separator: ", ")
        return try insert(
            value, into: table, onConflict: "(\(key.joined(separator: ", "))) DO UPDATE SET \(assignments)")
    }

    /// The `UPDATE` of every column of `value` but its `key` columns, in the row those name.
    static func update(_ value: some Encodable, in table: String, key: [String]) throws -> PostgresQuery {
        let columns = try columns(of: value)
        var bindings = PostgresBindings()
        var assignments: [String] = []
        var conditions: [String] = []
        var index = 0
        for column in columns where !key.contains(column.name) {
            index += 1
            column.value.bind(into: &bindings)
            assignments.append("\(quoted(column.name)) = \(column.value.placeholder(index))")
        }
        for name in key {
            guard let column = columns.first(where: { $0.name == name }) else { continue }
            index += 1
            column.value.bind(into: &bindings)
            conditions.append("\(quoted(name)) = \(column.value.placeholder(index))")
        }
        let sql =
            "UPDATE \(table) SET \(assignments.joined(separator: ", ")) "
            + "WHERE \(conditions.joined(separator: " AND "))"
        return PostgresQuery(unsafeSQL: sql, binds: bindings)
    }

    /// Decodes a row into a domain value: each column by its `Codable` key.
    static func decode<T: Decodable>(_ type: T.Type, from row: PostgresRow) throws -> T {
        var cells: [String: PostgresCell] = [:]
        for cell in row { cells[cell.columnName] = cell }
        return try T(from: RowDecoder(cells: cells))
    }

    /// `user` and other names PostgreSQL reserves, quoted; plain names as they are.
    static func quoted(_ name: String) -> String { ["user", "at", "owner"].contains(name) ? "\"\(name)\"" : name }

    static let jsonEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()
}

// MARK: - Encoding

private final class ColumnStorage {
    var columns: [(name: String, value: PostgresColumn)] = []

    func set(_ name: String, _ value: PostgresColumn) {
        if let index = columns.firstIndex(where: { $0.name == name }) {
            columns[index].value = value
        } else {
            columns.append((name, value))
        }
    }
}

private final class ColumnEncoder: Encoder {
    let storage = ColumnStorage()
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(ColumnContainer<Key>(storage: storage))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        preconditionFailure("a stored value encodes as a row of named columns")
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        preconditionFailure("a stored value encodes as a row of named columns")
    }
}

private struct ColumnContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let storage: ColumnStorage
    var codingPath: [any CodingKey] = []

    mutating func encodeNil(forKey key: Key) throws { storage.set(key.stringValue, .null) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        storage.set(key.stringValue, try ColumnContainer.column(value))
    }

    // An absent optional is a NULL column, so an update clears it.
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        storage.set(key.stringValue, try value.map { try ColumnContainer.column($0) } ?? .null)
    }

    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        storage.set(key.stringValue, value.map(PostgresColumn.text) ?? .null)
    }

    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
        storage.set(key.stringValue, value.map(PostgresColumn.bool) ?? .null)
    }

    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
        storage.set(key.stringValue, value.map(PostgresColumn.double) ?? .null)
    }

    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
        storage.set(key.stringValue, value.map { .integer(Int64($0)) } ?? .null)
    }

    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws {
        storage.set(key.stringValue, value.map(PostgresColumn.integer) ?? .null)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        preconditionFailure("a column holding structure encodes as a whole value")
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        preconditionFailure("a column holding structure encodes as a whole value")
    }

    mutating func superEncoder() -> any Encoder { preconditionFailure("stored values have no superclass") }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        preconditionFailure("stored values have no superclass")
    }

    /// A value's column: a primitive as itself, a wrapper of one (an id, an enum) as what it wraps, anything with
    /// structure as JSON.
    static func column<T: Encodable>(_ value: T) throws -> PostgresColumn {
        switch value {
        case let text as String: return .text(text)
        case let number as Int: return .integer(Int64(number))
        case let number as Int64: return .integer(number)
        case let number as Int32: return .integer(Int64(number))
        case let number as Double: return .double(number)
        case let flag as Bool: return .bool(flag)
        case let date as Date: return .time(date)
        default: break
        }
        let probe = ScalarProbe()
        if (try? value.encode(to: probe)) != nil, !probe.structured, let scalar = probe.scalar { return scalar }
        let data = try PostgresRecord.jsonEncoder.encode(value)
        return .json(String(decoding: data, as: UTF8.self))
    }
}

/// Finds out whether a value encodes as one primitive (an `IncidentID`, a `Severity`) or has structure.
private final class ScalarProbe: Encoder, SingleValueEncodingContainer {
    var scalar: PostgresColumn?
    var structured = false
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    struct Structured: Error {}

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        structured = true
        return KeyedEncodingContainer(IgnoringContainer<Key>())
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        structured = true
        return IgnoringUnkeyed()
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    func encodeNil() throws { scalar = .null }
    func encode(_ value: Bool) throws { scalar = .bool(value) }
    func encode(_ value: String) throws { scalar = .text(value) }
    func encode(_ value: Double) throws { scalar = .double(value) }
    func encode(_ value: Float) throws { scalar = .double(Double(value)) }
    func encode(_ value: Int) throws { scalar = .integer(Int64(value)) }
    func encode(_ value: Int8) throws { scalar = .integer(Int64(value)) }
    func encode(_ value: Int16) throws { scalar = .integer(Int64(value)) }
    func encode(_ value: Int32) throws { scalar = .integer(Int64(value)) }
    func encode(_ value: Int64) throws { scalar = .integer(value) }
    func encode(_ value: UInt) throws { scalar = .integer(Int64(value)) }
    func encode(_ value: UInt8) throws { scalar = .integer(Int64(value)) }
    func encode(_ value: UInt16) throws { scalar = .integer(Int64(value)) }
    func encode(_ value: UInt32) throws { scalar = .integer(Int64(value)) }
    func encode(_ value: UInt64) throws { scalar = .integer(Int64(value)) }

    func encode<T: Encodable>(_ value: T) throws {
        if let date = value as? Date { return scalar = .time(date) }
        try value.encode(to: self)
    }
}

private struct IgnoringContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    var codingPath: [any CodingKey] = []
    mutating func encodeNil(forKey key: Key) throws {}
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {}
    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> { KeyedEncodingContainer(IgnoringContainer<NestedKey>()) }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { IgnoringUnkeyed() }
    mutating func superEncoder() -> any Encoder { ScalarProbe() }
    mutating func superEncoder(forKey key: Key) -> any Encoder { ScalarProbe() }
}

private struct IgnoringUnkeyed: UnkeyedEncodingContainer {
    var codingPath: [any CodingKey] = []
    var count = 0
    mutating func encodeNil() throws {}
    mutating func encode<T: Encodable>(_ value: T) throws {}
    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> { KeyedEncodingContainer(IgnoringContainer<NestedKey>()) }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { IgnoringUnkeyed() }
    mutating func superEncoder() -> any Encoder { ScalarProbe() }
}

// MARK: - Decoding

private struct RowDecoder: Decoder {
    let cells: [String: PostgresCell]
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(RowContainer<Key>(cells: cells))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch(
            [Any].self, .init(codingPath: codingPath, debugDescription: "a row decodes as named columns"))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        throw DecodingError.typeMismatch(
            Any.self, .init(codingPath: codingPath, debugDescription: "a row decodes as named columns"))
    }
}

private struct RowContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let cells: [String: PostgresCell]
    var codingPath: [any CodingKey] = []
    var allKeys: [Key] { cells.keys.compactMap(Key.init(stringValue:)) }

    func contains(_ key: Key) -> Bool { cells[key.stringValue] != nil }

    func decodeNil(forKey key: Key) throws -> Bool { cells[key.stringValue]?.bytes == nil }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        guard let cell = cells[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no such column"))
        }
        return try CellDecoder(cell: cell, codingPath: codingPath + [key]).value(T.self)
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        throw DecodingError.typeMismatch(
            type, .init(codingPath: codingPath, debugDescription: "a column holding structure decodes as a whole"))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch(
            [Any].self, .init(codingPath: codingPath, debugDescription: "a column holding structure decodes as a whole")
        )
    }

    func superDecoder() throws -> any Decoder { RowDecoder(cells: cells) }
    func superDecoder(forKey key: Key) throws -> any Decoder { RowDecoder(cells: cells) }
}

/// One cell as a value: a primitive straight from PostgreSQL, JSON through `JSONDecoder`, and a wrapper (an id, an
/// enum) through its single-value container.
private struct CellDecoder: Decoder, SingleValueDecodingContainer {
    let cell: PostgresCell
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] = [:]

    static let jsonDecoder = JSONDecoder()

    func value<T: Decodable>(_ type: T.Type) throws -> T {
        if cell.dataType == .jsonb || cell.dataType == .json {
            return try Self.jsonDecoder.decode(T.self, from: json())
        }
        return try decode(T.self)
    }

    /// The JSON text of a `json` or `jsonb` cell (binary `jsonb` starts with a version byte).
    func json() throws -> Data {
        guard var bytes = cell.bytes else { throw mismatch(Data.self) }
        if cell.dataType == .jsonb, cell.format == .binary { bytes.moveReaderIndex(forwardBy: 1) }
        return Data(bytes.readableBytesView)
    }

    func mismatch(_ type: Any.Type) -> DecodingError {
        DecodingError.typeMismatch(
            type, .init(codingPath: codingPath, debugDescription: "column \(cell.columnName) is \(cell.dataType)"))
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        throw mismatch(type)
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { throw mismatch([Any].self) }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func decodeNil() -> Bool { cell.bytes == nil }
    func decode(_ type: Bool.Type) throws -> Bool { try cell.decode(Bool.self) }
    func decode(_ type: String.Type) throws -> String { try cell.decode(String.self) }
    func decode(_ type: Double.Type) throws -> Double { try cell.decode(Double.self) }
    func decode(_ type: Float.Type) throws -> Float { Float(try cell.decode(Double.self)) }
    func decode(_ type: Int.Type) throws -> Int { try cell.decode(Int.self) }
    func decode(_ type: Int8.Type) throws -> Int8 { Int8(try cell.decode(Int.self)) }
    func decode(_ type: Int16.Type) throws -> Int16 { Int16(try cell.decode(Int.self)) }
    func decode(_ type: Int32.Type) throws -> Int32 { Int32(try cell.decode(Int.self)) }
    func decode(_ type: Int64.Type) throws -> Int64 { try cell.decode(Int64.self) }
    func decode(_ type: UInt.Type) throws -> UInt { UInt(try cell.decode(Int64.self)) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { UInt8(try cell.decode(Int.self)) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { UInt16(try cell.decode(Int.self)) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { UInt32(try cell.decode(Int64.self)) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { UInt64(try cell.decode(Int64.self)) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == Date.self, let date = try cell.decode(Date.self) as? T { return date }
        return try T(from: self)
    }
}
