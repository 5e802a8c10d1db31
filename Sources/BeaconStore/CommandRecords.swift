import BeaconCore
import Foundation
import GRDB

extension RunStep: StoredValue {
    static let tableName = "run_step"
}

extension Deadline: StoredValue {
    static let tableName = "deadline"

    mutating func didInsert(rowID: Int64) { id = rowID }
}

extension Approval: StoredValue {
    static let tableName = "approval"

    mutating func didInsert(rowID: Int64) { id = ApprovalID(rowID) }
}

extension OutboxEntry: StoredValue {
    static let tableName = "notification"

    mutating func didInsert(rowID: Int64) { id = rowID }
}
