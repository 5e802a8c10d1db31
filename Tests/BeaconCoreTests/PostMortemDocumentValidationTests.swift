import BeaconCore
import Foundation
import Testing

@Suite struct PostMortemDocumentValidationTests {
    typealias Fixture = PostMortemDocumentFixture

    /// One edit of the written document and the problems it must cause, each at the first line holding its marker.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var old: String
        var new: String
        /// (marker of the line, field path, reason)
        var expected: [(String, String, String)]
        var testDescription: String { name }
    }

    static let missingOne =
        #"follow-up 1 ("Alert 30 days before a certificate expires") is missing from the list; nothing is ever "#
        + "deleted, so put it back and mark it status: wont_do with a reason instead"
    static let verdictKey =
        "a finding's verdict is computed from the record and cannot be set; write what you think under comments instead"
    static let fullySolvedVerdict =
        "the verdict is computed from the record (now No) and cannot be set; write a comment that explains it instead"

    static let cases: [Case] = [
        Case(
            name: "unknown key with a near miss", old: "trigger:\n", new: "triger: cron\n",
            expected: [("triger:", "triger", #"unknown key "triger"; did you mean "trigger"?"#)]),
        Case(
            name: "unknown key far from any", old: "follow_ups:\n", new: "colour: red\nfollow_ups:\n",
            expected: [
                (
                    "colour:", "colour",
                    #"unknown key "colour"; expected one of root_cause, trigger, impact, comments, no_action_reason, follow_ups"#
                )
            ]),
        Case(
            name: "unknown nested key", old: "  users_affected:", new: "  user_affected: 3",
            expected: [
                (
                    "user_affected", "impact.user_affected",
                    #"unknown key "user_affected"; did you mean "users_affected"?"#
                )
            ]),
        Case(
            name: "wrong type", old: "trigger:\n", new: "trigger: [a, b]\n",
            expected: [("trigger:", "trigger", "expected text, found a list")]),
        Case(
            name: "count that is not whole", old: "orders_affected: 1240", new: "orders_affected: 12.5",
            expected: [("orders_affected", "impact.orders_affected", #"expected a whole number, found "12.5""#)]),
        Case(
            name: "negative amount", old: "revenue_at_risk: 56000.5", new: "revenue_at_risk: -5",
            expected: [("revenue_at_risk", "impact.revenue_at_risk", "must not be negative")]),
        Case(
            name: "unknown kind", old: "    kind: plan", new: "    kind: plans",
            expected: [
                (
                    "kind: plans", "follow_ups[0].kind",
                    #"unknown follow-up kind "plans"; expected one of plan, knowledge_base, training, other; did you mean "plan"?"#
                )
            ]),
        Case(
            name: "unknown status", old: "    status: open", new: "    status: closed",
            expected: [
                (
                    "status: closed", "follow_ups[0].status",
                    #"unknown status "closed"; expected one of open, done, wont_do"#
                )
            ]),
        Case(
            name: "malformed date", old: "    due: 2026-09-26", new: "    due: 26/09/2026",
            expected: [
                (
                    "due: 26/09/2026", "follow_ups[0].due",
                    #"malformed date "26/09/2026"; write the day as YYYY-MM-DD, like 2026-12-01"#
                )
            ]),
        Case(
            name: "day that does not exist", old: "    due: 2026-09-26", new: "    due: 2026-02-30",
            expected: [
                (
                    "due: 2026-02-30", "follow_ups[0].due",
                    #"malformed date "2026-02-30"; write the day as YYYY-MM-DD, like 2026-12-01"#
                )
            ]),
        Case(
            name: "day that has passed", old: "    due: 2026-09-26", new: "    due: 2026-09-20",
            expected: [
                ("due: 2026-09-20", "follow_ups[0].due", "2026-09-20 has already passed; choose today or a later day")
            ]),
        Case(
            name: "empty description", old: "    description: Alert 30 days before a certificate expires",
            new: "    description: \"  \"",
            expected: [
                (
                    "description: \"  \"", "follow_ups[0].description",
                    "every follow-up needs a description of what will be done"
                )
            ]),
        Case(
            name: "missing owner", old: "    owner: bob\n", new: "",
            expected: [("- id: 1", "follow_ups[0].owner", "every follow-up needs an owner: who will do it")]),
        Case(
            name: "won't do without a reason", old: "    status: open", new: "    status: wont_do",
            expected: [
                (
                    "status: wont_do", "follow_ups[0].status",
                    "a follow-up marked wont_do needs a reason: say why it will not be done"
                )
            ]),
        Case(
            name: "id of no follow-up of this incident", old: "  - id: 1", new: "  - id: 9",
            expected: [
                ("follow_ups:", "follow_ups", missingOne),
                (
                    "- id: 9", "follow_ups[0].id",
                    "incident #7 has no follow-up 9 (its follow-ups are 1, 2); leave the id out to add a new one"
                ),
            ]),
        Case(
            name: "follow-up left out",
            old: """
                  - id: 1
                    kind: plan
                    description: Alert 30 days before a certificate expires
                    owner: bob
                    due: 2026-09-26
                    status: open
                    reason:

                """, new: "", expected: [("follow_ups:", "follow_ups", missingOne)]),
        Case(
            name: "follow-ups that are not a list", old: "follow_ups:\n  - id: 1",
            new: "follow_ups: none\nx:\n  - id: 1",
            expected: [
                ("follow_ups:", "follow_ups", #"expected a list, found "none""#),
                (
                    "x:", "x",
                    #"unknown key "x"; expected one of root_cause, trigger, impact, comments, no_action_reason, follow_ups"#
                ),
            ]),
        Case(
            name: "verdict set at the top", old: "follow_ups:\n", new: "warned_early: no\nfollow_ups:\n",
            expected: [("warned_early: no", "warned_early", verdictKey)]),
        Case(
            name: "verdict written as a comment", old: "  fully_solved:", new: "  fully_solved: yes",
            expected: [("fully_solved: yes", "comments.fully_solved", fullySolvedVerdict)]),
        Case(
            name: "verdict set under comments", old: "  fully_solved:", new: "  fully_solved: {verdict: true}",
            expected: [("fully_solved: {", "comments.fully_solved", fullySolvedVerdict)]),
    ]

    @Test(arguments: cases)
    func problemIsReportedAtItsLine(_ test: Case) throws {
        let original = PostMortemDocument(Fixture.written).text
        #expect(original.contains(test.old), "the fixture changed; update the case")
        let text = original.replacingOccurrences(of: test.old, with: test.new)
        let expected = test.expected.map { marker, field, reason in
            "pm-7.yaml:\(Fixture.line(of: marker, in: text)): \(field): \(reason)"
        }
        #expect(Fixture.problems(Fixture.written, text) == expected)
    }

    @Test func quotedYesIsACommentNotAVerdict() throws {
        let document = PostMortemDocument(Fixture.written)
        let text = document.text.replacingOccurrences(of: "  fully_solved:", with: "  fully_solved: \"yes\"")
        #expect(try document.parse(text, file: "pm-7.yaml", now: Fixture.now).comments[.fullySolved] == "yes")
    }

    @Test func followUpListedTwiceNamesTheFirstLine() {
        let text = PostMortemDocument(Fixture.written).text.replacingOccurrences(of: "  - id: 2", with: "  - id: 1")
        let first = Fixture.line(of: "  - id: 1", in: text)
        let second =
            text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { $0.element == "  - id: 1" }.map { $0.offset + 1 }.last ?? 0
        #expect(
            Fixture.problems(Fixture.written, text) == [
                #"pm-7.yaml:\#(Fixture.line(of: "follow_ups:", in: text)): follow_ups: follow-up 2 ("Drill the status page update") is missing from the list; nothing is ever deleted, so put it back and mark it status: wont_do with a reason instead"#,
                "pm-7.yaml:\(second): follow_ups[1].id: follow-up 1 is listed twice (first at line \(first))",
            ])
    }

    @Test func everyProblemIsReportedAtOnceInLineOrder() {
        let text = PostMortemDocument(Fixture.written).text
            .replacingOccurrences(of: "    kind: training", with: "    kind: trainng")
            .replacingOccurrences(of: "trigger:\n", with: "triggr: x\n")
            .replacingOccurrences(of: "  users_affected:", with: "  users_affected: -2")
        let problems = Fixture.problems(Fixture.written, text)
        #expect(problems.count == 3)
        let lines: [Int] = problems.compactMap { problem in Int(problem.split(separator: ":")[1]) }
        #expect(lines.count == 3)
        #expect(lines == lines.sorted())
        #expect(problems.first?.contains("triggr") == true)
        #expect(problems.last?.contains("follow_ups[1].kind") == true)
    }

    @Test func syntaxErrorIsMalformedWithItsLine() throws {
        let document = PostMortemDocument(Fixture.written)
        let text = document.text.replacingOccurrences(of: "trigger:\n", with: "trigger: [unclosed\n")
        let error = try #require(throws: PostMortemDocumentError.self) {
            try document.parse(text, file: "pm-7.yaml", now: Fixture.now)
        }
        #expect(error.code == .malformed)
        #expect(error.description.hasPrefix("pm-7.yaml:"))
        #expect(error.description.contains("YAML syntax error"))
        let empty = try #require(throws: PostMortemDocumentError.self) {
            try document.parse("# nothing\n", file: "pm-7.yaml", now: Fixture.now)
        }
        #expect(empty.description == "pm-7.yaml:1: the file is empty")
    }

    @Test func environmentReferencesStayAsWritten() throws {
        let document = PostMortemDocument(Fixture.blank)
        let text = document.text.replacingOccurrences(of: "trigger:\n", with: "trigger: ${HOME} was unset\n")
        #expect(try document.parse(text, file: "pm-7.yaml", now: Fixture.now).fields.trigger == "${HOME} was unset")
    }
}
