import BeaconCore
import BeaconStore
import Foundation
import Logging
import Testing

@testable import BeaconMonitor

/// The commit stage commits a burst a batch at a time: every change once, in the order decided.
struct ChangeCommitterTests {
    let start = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func aBurstLargerThanABatchCommitsEveryChangeOnceInOrder() async throws {
        let store = try BeaconStore.inMemory()
        let committer = ChangeCommitter(
            ledger: IncidentLedger.recordingOnly(store), logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        )
        let count = ChangeCommitter.batchSize * 2 + 5
        let rule = Rule(
            id: "payment-success-rate", title: "Payment success", category: .system,
            source: Source(
                url: "http://127.0.0.1:9/metrics", format: .prometheus,
                metric: MetricSelector(name: "payment_success_rate"), interval: .seconds(1), timeout: .seconds(5)),
            condition: .threshold(op: .below, levels: [.sev2: 0.9]))
        let changes = (0..<count).map { index in
            let seen = start.addingTimeInterval(Double(index))
            return PendingChange(
                transition: .open(
                    Breach(severity: .sev2, reading: Reading(value: 0.5, level: 0.9, description: "0.5 < 0.9")),
                    since: seen),
                rule: rule, labels: Labels(["shop": "s\(index)"]),
                at: seen)
        }
        committer.enqueue(changes)
        var reported: [IncidentChange] = []
        let committed = await committer.commit { reported.append($0) }
        #expect(committed.count == count)
        #expect(reported == committed, "each change is told as its batch commits")
        #expect(committed.map(\.incident.openedAt) == changes.map(\.at), "in the order decided")
        #expect(committer.backlog == 0)
        #expect(try store.incidents(limit: 1_000).count == count)
        #expect(await committer.commit().isEmpty, "and nothing twice")
    }
}
