import BeaconCore
import Foundation
import Testing

/// Typed ids keep the plain form of what they wrap wherever they are written: timeline facts, webhook bodies and
/// the API's JSON are read by tools that know nothing of the types.
struct IdentifierTests {
    @Test func encodesAsItsRawValueAlone() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(ApprovalID(42)), as: UTF8.self) == "42")
        #expect(String(decoding: try encoder.encode(StepID("notify-finance")), as: UTF8.self) == #""notify-finance""#)
        let fact = TimelineFact.stepDone(step: "confirm", by: "zhangmin", note: nil)
        let decoded = try JSONDecoder().decode(TimelineFact.self, from: try encoder.encode(fact))
        #expect(decoded == fact)
        #expect(String(decoding: try encoder.encode(fact), as: UTF8.self).contains(#""step":"confirm""#))
    }

    @Test func aDictionaryKeyedByIdsIsAJSONObject() throws {
        let titles: [RuleID: String] = ["payment-success-rate": "Payment success below 90%"]
        let json = String(decoding: try JSONEncoder().encode(titles), as: UTF8.self)
        #expect(json == #"{"payment-success-rate":"Payment success below 90%"}"#)
        #expect(try JSONDecoder().decode([RuleID: String].self, from: Data(json.utf8)) == titles)
    }

    @Test func aPersonIsTheirLoginElseTheirName() {
        let chain = TestIDsChain.chain
        #expect(chain.operation.people[0].id == "zhangmin")
        #expect(chain.operation.people[1].id == "Chen Xiao")
        #expect(chain.person(PersonID("Chen Xiao"))?.layer == .operation)
        #expect(chain.person(PersonID("nobody")) == nil)
    }
}

private enum TestIDsChain {
    static let chain = CommandChain(
        operation: ChainLayer(
            deadline: .seconds(300),
            people: [
                Person(name: "Zhang Min", login: "zhangmin", channels: ["hook"]),
                Person(name: "Chen Xiao", channels: ["hook"]),
            ]),
        execution: ChainLayer(deadline: .seconds(600), people: []),
        decision: ChainLayer(deadline: .seconds(900), people: []))
}
