import BeaconCore
import Foundation
import Testing

/// Values as people read them: in the rule's unit, a change rule's as a ratio, never a bare `0.848`.
struct ValueUnitTests {
    func rule(_ condition: Condition, unit: ValueUnit?) -> Rule {
        Rule(
            id: "r", title: "R", category: .system, source: Source(url: "http://127.0.0.1:9/m", format: .prometheus),
            condition: condition, unit: unit)
    }

    @Test func eachUnitWritesItsValues() {
        #expect(ValueUnit.percent.format(0.848) == "84.8%")
        #expect(ValueUnit.percent.format(0.9) == "90%")
        #expect(ValueUnit.count.format(1_240) == "1,240")
        #expect(ValueUnit.seconds.format(750) == "12m 30s")
        #expect(ValueUnit.seconds.format(45) == "45s")
        #expect(ValueUnit.yuan.format(186_000) == "¥186,000")
        #expect(ValueUnit.yuan.format(19.5) == "¥19.5")
        #expect(ValueUnit.other("orders").format(340) == "340 orders")
        #expect(ValueUnit(name: "percent") == .percent && ValueUnit(name: "CNY") == .yuan)
        #expect(ValueUnit.count.format(.infinity) == "∞")
    }

    @Test func aChangeRuleWritesRatiosAndAThresholdRuleItsUnit() {
        let change = rule(.change(window: .seconds(3_600), op: .above, levels: [.sev3: .ratio(10)]), unit: .count)
        #expect(change.format(12.359) == "12.4×")
        let threshold = rule(.threshold(op: .below, levels: [.sev2: 0.9]), unit: .percent)
        #expect(threshold.format(0.848) == "84.8%")
        #expect(rule(.threshold(op: .below, levels: [.sev2: 0.9]), unit: nil).format(0.848) == "0.848")
    }

    @Test func aPageSaysTheValueInTheRulesUnit() {
        let threshold = rule(.threshold(op: .below, levels: [.sev2: 0.9]), unit: .percent)
        let composer = MessageComposer(publicURL: "https://beacon.example.com", rules: [threshold])
        let incident = Incident(
            id: IncidentID(3), fingerprint: Fingerprint(rawValue: "f"), ruleID: "r", title: "Payments",
            category: .system,
            severity: .sev2, origin: .rule, value: 0.848, threshold: 0.9, openedAt: Date(timeIntervalSince1970: 0))
        let message = composer.message(.page, incident, headline: "Paged", at: Date(timeIntervalSince1970: 60))
        #expect(message.text.contains("Value 84.8% against threshold 90%"))
    }
}
