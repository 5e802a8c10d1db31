public import BeaconCore
import Foundation
import GRDB

extension BeaconStore {
    /// Everything this store holds, read in one transaction (see `StoreContents`).
    public func contents() throws -> StoreContents {
        try writer.read { db in
            var contents = StoreContents()
            contents.incidents = try Incident.order(Column("id")).fetchAll(db)
            contents.timeline = try TimelineEvent.order(Column("id")).fetchAll(db)
            contents.steps = try RunStep.order(Column("incident_id"), Column("position")).fetchAll(db)
            contents.deadlines = try Deadline.order(Column("id")).fetchAll(db)
            contents.approvals = try Approval.order(Column("id")).fetchAll(db)
            contents.notifications = try OutboxEntry.order(Column("id")).fetchAll(db)
            contents.users = try User.order(Column("id")).fetchAll(db)
            contents.postMortems = try PostMortem.order(Column("incident_id")).fetchAll(db)
            contents.followUps = try FollowUp.order(Column("id")).fetchAll(db)
            contents.overrides = try RosterOverride.order(Column("id")).fetchAll(db)
            for (table, _) in StoreContents.rowTables {
                contents.rows[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { row in
                    var values: [String: StoreContents.Value] = [:]
                    for (column, value) in row {
                        values[column] =
                            switch value.storage {
                            case .null: .null
                            case .int64(let number): .integer(number)
                            case .double(let number): .double(number)
                            case .string(let text): .text(text)
                            case .blob(let data): .bytes(Array(data))
                            }
                    }
                    return values
                }
            }
            return contents
        }
    }
}
