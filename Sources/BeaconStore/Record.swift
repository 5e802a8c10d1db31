import GRDB

/// A domain value stored as one row of a table. The domain types conform to this, not to GRDB's protocols, so no
/// type outside the store carries a GRDB conformance.
protocol StoredValue: Codable, Sendable {
    static var tableName: String { get }
    /// Takes the row id SQLite gave an inserted row, for values whose id is the row id.
    mutating func didInsert(rowID: Int64)
}

extension StoredValue {
    mutating func didInsert(rowID: Int64) {}
}

/// A stored value as a GRDB record: the one place GRDB's record protocols are conformed to. Dates are stored as
/// seconds since 1970, as the schema's `DOUBLE` columns expect.
struct Record<Value: StoredValue>: Codable, FetchableRecord, MutablePersistableRecord {
    var value: Value

    init(_ value: Value) { self.value = value }
    init(from decoder: any Decoder) throws { value = try Value(from: decoder) }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }

    static var databaseTableName: String { Value.tableName }

    static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .timeIntervalSince1970
    }

    static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .timeIntervalSince1970
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { value.didInsert(rowID: inserted.rowID) }
}

/// A query of stored values: GRDB's query interface, handing back domain values.
struct Query<Value: StoredValue> {
    var request: QueryInterfaceRequest<Record<Value>>

    func filter(_ predicate: some SQLSpecificExpressible) -> Query { Query(request: request.filter(predicate)) }

    func filter(sql: String, arguments: StatementArguments = StatementArguments()) -> Query {
        Query(request: request.filter(sql: sql, arguments: arguments))
    }

    func order(_ orderings: any SQLOrderingTerm...) -> Query { Query(request: request.order(orderings)) }
    func limit(_ limit: Int) -> Query { Query(request: request.limit(limit)) }
    func select(_ selection: any SQLSelectable...) -> QueryInterfaceRequest<Row> {
        request.select(selection, as: Row.self)
    }

    func fetchAll(_ db: Database) throws -> [Value] { try request.fetchAll(db).map(\.value) }
    func fetchOne(_ db: Database) throws -> Value? { try request.fetchOne(db)?.value }
    func fetchCount(_ db: Database) throws -> Int { try request.fetchCount(db) }

    @discardableResult
    func updateAll(_ db: Database, _ assignments: ColumnAssignment...) throws -> Int {
        try request.updateAll(db, assignments)
    }
}

extension StoredValue {
    static var all: Query<Self> { Query(request: Record<Self>.all()) }
    static func filter(_ predicate: some SQLSpecificExpressible) -> Query<Self> { all.filter(predicate) }

    static func filter(sql: String, arguments: StatementArguments = StatementArguments()) -> Query<Self> {
        all.filter(sql: sql, arguments: arguments)
    }
    static func order(_ orderings: any SQLOrderingTerm...) -> Query<Self> {
        Query(request: Record<Self>.order(orderings))
    }

    static func fetchOne(_ db: Database, key: some DatabaseValueConvertible) throws -> Self? {
        try Record<Self>.fetchOne(db, key: key)?.value
    }

    static func fetchOne(_ db: Database, key: [String: (any DatabaseValueConvertible)?]) throws -> Self? {
        try Record<Self>.fetchOne(db, key: key)?.value
    }

    static func fetchAll(
        _ db: Database, sql: String, arguments: StatementArguments = StatementArguments()
    ) throws
        -> [Self]
    {
        try Record<Self>.fetchAll(db, sql: sql, arguments: arguments).map(\.value)
    }

    static func fetchAll(
        _ statement: Statement, arguments: StatementArguments = StatementArguments()
    ) throws
        -> [Self]
    {
        try Record<Self>.fetchAll(statement, arguments: arguments).map(\.value)
    }

    mutating func insert(_ db: Database, onConflict: Database.ConflictResolution? = nil) throws {
        var record = Record(self)
        try record.insert(db, onConflict: onConflict)
        self = record.value
    }

    func update(_ db: Database) throws { try Record(self).update(db) }

    mutating func save(_ db: Database) throws {
        var record = Record(self)
        try record.save(db)
        self = record.value
    }
}
