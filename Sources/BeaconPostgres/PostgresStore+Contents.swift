public import BeaconCore
import Foundation
import PostgresNIO

extension PostgresStore {
    /// Whether the store holds nothing yet: what `beacon store copy` requires of its target.
    public func isEmpty() async throws -> Bool {
        let tables = ["incident", "\"user\"", "notification", "series", "setting", "roster_override", "invitation"]
        let rows = try await client.query(
            PostgresQuery(
                unsafeSQL: "SELECT " + tables.map { "NOT EXISTS (SELECT 1 FROM \($0))" }.joined(separator: " AND ")),
            logger: logger)
        for try await empty in rows.decode(Bool.self) { return empty }
        return false
    }

    /// Writes `contents` into this (empty) store in one transaction, ids preserved, and moves every identity past
    /// the largest id copied.
    public func load(_ contents: StoreContents) async throws {
        try await transaction { connection in
            func insert(_ value: some Encodable, _ table: String) async throws {
                try await connection.query(try PostgresRecord.insert(value, into: table), logger: logger)
            }
            for value in contents.users { try await insert(value, "\"user\"") }
            for value in contents.incidents { try await insert(value, "incident") }
            for value in contents.timeline { try await insert(value, "timeline_event") }
            for value in contents.steps { try await insert(value, "run_step") }
            for value in contents.deadlines { try await insert(value, "deadline") }
            for value in contents.approvals { try await insert(value, "approval") }
            for value in contents.notifications { try await insert(value, "notification") }
            for value in contents.postMortems { try await insert(value, "post_mortem") }
            for value in contents.followUps { try await insert(value, "follow_up") }
            for value in contents.overrides { try await insert(value, "roster_override") }
            for (table, times) in StoreContents.rowTables {
                for row in contents.rows[table] ?? [] {
                    try await connection.query(Self.insert(row, into: table, times: times), logger: logger)
                }
            }
            for table in [
                "incident", "timeline_event", "series", "deadline", "approval", "notification", "\"user\"",
                "api_token", "follow_up", "roster_override",
            ] {
                try await connection.query(
                    PostgresQuery(
                        unsafeSQL: """
                            SELECT setval(pg_get_serial_sequence('\(table)', 'id'),
                                coalesce((SELECT max(id) FROM \(table)), 0) + 1, false)
                            """), logger: logger)
            }
        }
    }

    /// The `INSERT` of one plain row: times from seconds since 1970, and the handoff checkpoint (a number in
    /// SQLite) as the text PostgreSQL keeps it in.
    private static func insert(
        _ row: [String: StoreContents.Value], into table: String, times: Set<String>
    ) -> PostgresQuery {
        var bindings = PostgresBindings()
        var columns: [String] = []
        var placeholders: [String] = []
        for (column, value) in row.sorted(by: { $0.key < $1.key }) {
            columns.append(column)
            placeholders.append("$\(columns.count)")
            switch value {
            case .null: bindings.appendNull()
            case .integer(let number) where times.contains(column):
                bindings.append(Date(timeIntervalSince1970: Double(number)))
            case .double(let number) where times.contains(column):
                bindings.append(Date(timeIntervalSince1970: number))
            case .integer(let number) where table == "setting":
                bindings.append(ByteBuffer(string: String(Double(number))))
            case .double(let number) where table == "setting": bindings.append(ByteBuffer(string: String(number)))
            case .text(let text) where table == "setting" && column == "value":
                bindings.append(ByteBuffer(string: text))
            case .integer(let number): bindings.append(number)
            case .double(let number): bindings.append(number)
            case .text(let text): bindings.append(text)
            case .bytes(let bytes): bindings.append(ByteBuffer(bytes: bytes))
            }
        }
        return PostgresQuery(
            unsafeSQL:
                "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders.joined(separator: ", ")))",
            binds: bindings)
    }
}
