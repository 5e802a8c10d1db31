import BeaconCore
import BeaconTestSupport
import Foundation
import Testing

@testable import BeaconStore

/// The incidents "warned early?" and "fully solved?" weigh, read from a real SQLite file: complaint and sentiment
/// incidents in the 24 hours before, and repeats of the fingerprint in the 7 days after resolution, each with one
/// just inside and one just outside its window.
@Suite struct PostMortemNeighbourTests {
    let directory = TemporaryDirectory()
    let store: BeaconStore
    let ledger: IncidentLedger
    let postMortems: PostMortemStore
    /// The payment incident: opened by its rule at `opened`, resolved an hour later.
    let id: IncidentID
    let opened = CommandChainFixture.start
    var resolved: Date { opened + 3_600 }
    let fingerprint = Fingerprint(rule: "payment-success-rate", labels: Labels(["region": "east"]))
    let minute: TimeInterval = 60
    let day: TimeInterval = 86_400

    init() async throws {
        store = try BeaconStore.open(path: directory.file("beacon.sqlite"))
        ledger = IncidentLedger.recordingOnly(store)
        postMortems = PostMortemStore(ledger, calendar: Calendar(identifier: .iso8601))
        id = try Self.insert(store, "Payment success rate", .system, fingerprint: fingerprint, at: opened)
        try await ledger.perform(.resolve, on: id, by: "zhangmin", at: opened + 3_600)
    }

    /// Stores an incident opened by a rule at `at`, resolved `resolvedAfter` later if given.
    @discardableResult
    func insert(
        _ title: String, _ category: BeaconCore.Category, fingerprint: Fingerprint? = nil, at: Date,
        resolvedAfter: TimeInterval? = nil
    ) throws -> IncidentID {
        try Self.insert(store, title, category, fingerprint: fingerprint, at: at, resolvedAfter: resolvedAfter)
    }

    static func insert(
        _ store: BeaconStore, _ title: String, _ category: BeaconCore.Category, fingerprint: Fingerprint? = nil,
        at: Date, resolvedAfter: TimeInterval? = nil
    ) throws -> IncidentID {
        var incident = Incident(
            fingerprint: fingerprint ?? Fingerprint(rawValue: "\(title)@\(at.timeIntervalSince1970)"),
            ruleID: "payment-success-rate", title: title, category: category, severity: .sev2, origin: .rule,
            openedAt: at)
        if let resolvedAfter {
            incident.status = .resolved
            incident.resolvedAt = at + resolvedAfter
        }
        let stored = try store.insert(incident) {
            TimelineEvent(incidentID: $0, at: at, kind: .opened, actor: TimelineEvent.system, message: "Opened")
        }
        return try #require(stored.id)
    }

    func finding(_ kind: FindingKind) async throws -> Finding {
        try #require(try await postMortems.report(id).findings.first { $0.kind == kind })
    }

    @Test func complaintsAndSentimentInTheDayBeforeMeanItWasNotWarnedEarly() async throws {
        let inside = try insert("Refunds up", .complaint, at: opened - day + minute, resolvedAfter: 600)
        let sentiment = try insert("Negative mentions", .sentiment, at: opened - 3_600, resolvedAfter: 600)
        try insert("Old refund wave", .complaint, at: opened - day - minute, resolvedAfter: 600)
        try insert("Traffic surge", .traffic, at: opened - 600, resolvedAfter: 600)
        try insert("Complaints after it", .complaint, at: opened + minute, resolvedAfter: 600)

        let (earlier, _) = try await postMortems.neighbours(of: try #require(try store.incident(id)))
        #expect(earlier.map(\.title) == ["Refunds up", "Negative mentions", "Traffic surge"])
        let finding = try await finding(.warnedEarly)
        #expect(!finding.verdict)
        #expect(
            Array(finding.evidence.dropFirst()) == [
                "\(inside) (complaint: Refunds up) opened 23h 59m before it.",
                "\(sentiment) (sentiment: Negative mentions) opened 1h before it.",
            ])
    }

    @Test func aComplaintJustOverADayBeforeDoesNotCount() async throws {
        try insert("Old refund wave", .complaint, at: opened - day - minute, resolvedAfter: 600)
        let finding = try await finding(.warnedEarly)
        #expect(finding.verdict)
        #expect(finding.evidence.last == "No complaint or sentiment incident opened in the 24 hours before it.")
    }

    @Test func aRepeatWithinSevenDaysOfResolutionMeansItIsNotFullySolved() async throws {
        let again = try insert(
            "Payment success rate", .system, fingerprint: fingerprint, at: resolved + 7 * day - minute)
        try insert("Payment success rate", .system, fingerprint: fingerprint, at: opened - 2 * day, resolvedAfter: 600)
        try insert("Other series", .system, at: resolved + day, resolvedAfter: 600)

        let (_, later) = try await postMortems.neighbours(of: try #require(try store.incident(id)))
        #expect(later.map(\.id) == [again])
        let finding = try await finding(.fullySolved)
        #expect(!finding.verdict)
        #expect(finding.evidence.contains("\(again) recurred 6d 23h after resolution."))
    }

    @Test func aRepeatJustOverSevenDaysAfterResolutionDoesNotCount() async throws {
        try insert("Payment success rate", .system, fingerprint: fingerprint, at: resolved + 7 * day + minute)
        let (_, later) = try await postMortems.neighbours(of: try #require(try store.incident(id)))
        #expect(later.isEmpty)
        let finding = try await finding(.fullySolved)
        #expect(finding.evidence.contains("No recurrence within 7 days of resolution."))
    }
}
