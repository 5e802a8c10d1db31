import BeaconCore
import BeaconTestSupport
import Foundation
import Testing

@testable import BeaconStore

/// The decision layer's instruction: on the timeline, sent to the execution layer, and it meets
/// `instruct_within`, so the missed-instruction escalation does not fire.
struct InstructionTests {
    let start = CommandChainFixture.start

    @Test func anInstructionReachesExecutionAndMeetsTheDeadline() async throws {
        let store = try BeaconStore.inMemory()
        let ledger = IncidentLedger(store, planner: CommandPlanner(config: CommandChainFixture.config))
        let id = try #require(
            try await ledger.declare(
                title: "Checkout down", category: .system, severity: .sev1, by: "zhangmin", at: start
            ).incident.id)
        await #expect(throws: IncidentError(code: .forbidden, message: "Only the decision layer gives instructions.")) {
            try await ledger.instruct(id, text: "Refund everyone", by: "wanglei", layer: .execution, at: start)
        }
        let change = try await ledger.instruct(
            id, text: "  Switch to the backup payment provider now. ", by: "lina", layer: .decision,
            at: start.addingTimeInterval(600))
        #expect(change.event.message == "Instruction from lina: Switch to the backup payment provider now.")
        #expect(change.notificationsQueued == 1)
        let sent = try store.notifications(id).filter { $0.kind == .instruction }
        #expect(sent.map(\.person) == ["wanglei"])
        #expect(sent.first?.message.subject == "INSTRUCTION [sev1] #1 Checkout down")
        #expect(
            sent.first?.message.text.hasPrefix("INSTRUCTION from lina: Switch to the backup payment provider now.")
                == true)

        // Thirty minutes after opening, the instruct deadline passes: met, so nobody is escalated to.
        try await ledger.fireDueDeadlines(at: start.addingTimeInterval(1_801))
        #expect(try !store.timeline(id).contains { $0.fact == .instructionMissed })
    }

    @Test func withoutAnInstructionTheDeadlineEscalates() async throws {
        let store = try BeaconStore.inMemory()
        let ledger = IncidentLedger(store, planner: CommandPlanner(config: CommandChainFixture.config))
        let id = try #require(
            try await ledger.declare(
                title: "Checkout down", category: .system, severity: .sev1, by: "zhangmin", at: start
            ).incident.id)
        try await ledger.fireDueDeadlines(at: start.addingTimeInterval(1_801))
        #expect(try store.timeline(id).contains { $0.fact == .instructionMissed })
    }
}
