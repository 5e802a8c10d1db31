import BeaconCore
import Foundation
import Testing

@Suite struct PostMortemDocumentTests {
    typealias Fixture = PostMortemDocumentFixture
    typealias Script = PostMortemScript

    @Test(arguments: [Fixture.written, Fixture.blank])
    func unEditedDocumentChangesNothing(report: PostMortemReport) throws {
        let document = PostMortemDocument(report)
        let update = try document.parse(document.text, file: document.fileName, now: Fixture.now)
        #expect(update == PostMortemUpdate(report))
        #expect(PostMortemChanges(from: PostMortemUpdate(report), to: update).isEmpty)
    }

    /// In Chinese and Beijing time the comments change, the values and keys do not: it reads back the same.
    @Test(arguments: [Fixture.written, Fixture.blank])
    func aChineseDocumentReadsBackUnchanged(report: PostMortemReport) throws {
        let words = Localizer(.zhCN, timeZone: TimeZone(identifier: "Asia/Shanghai")!)
        let document = PostMortemDocument(report, words: words)
        #expect(document.text.hasPrefix("# 事件 "))
        #expect(document.text.contains("# 记录中的事实（5W1H）："))
        #expect(document.text.contains("UTC+8"))
        #expect(!document.text.contains("⟦"))
        let update = try document.parse(document.text, file: document.fileName, now: Fixture.now)
        #expect(update == PostMortemUpdate(report))
    }

    static let awkwardTexts = [
        "yes", "No", "null", "~", "- a dash", "a: b", "#hash", "say \"hi\"", "ends with colon:", "100", "0x1F",
        "'single'", "%percent", "back\\slash", "tab\there", "bell\u{7}", "多行\n文本", "🚀 launch", "a #b",
        "first\n\n  indented\nlast", "line\nwith trailing space \nend", "@at", "[bracket]", "{brace}", "* star",
        "& amp", "! bang", "| pipe", "> fold", "? question", "`tick`", "--- dashes", "...", "true story",
    ]

    @Test(arguments: awkwardTexts)
    func awkwardTextReadsBackUnchanged(text: String) throws {
        var postMortem = Fixture.written.postMortem
        postMortem.fields.rootCause = text
        postMortem.fields.trigger = text
        postMortem.comments[.warnedEarly] = text
        postMortem.noActionReason = text
        var followUp = Fixture.written.followUps[0]
        followUp.description = text
        followUp.owner = text
        followUp.reason = text
        let report = Fixture.report(postMortem, [followUp])
        let document = PostMortemDocument(report)
        let update = try document.parse(document.text, file: document.fileName, now: Fixture.now)
        #expect(update.fields.rootCause == text)
        #expect(update.comments[.warnedEarly] == text)
        #expect(update.followUps.first?.description == text)
        #expect(update == PostMortemUpdate(report))
    }

    @Test func documentShowsTheContextAsComments() {
        let text = PostMortemDocument(Fixture.written).text
        let comments = text.split(separator: "\n").filter { $0.hasPrefix("#") }.joined(separator: "\n")
        #expect(comments.contains("# Post-mortem of incident #7: Payment success rate low"))
        #expect(comments.contains("# Owner: execution layer, due 2026-09-28 14:13 UTC"))
        #expect(comments.contains("#   What: Payment success rate low; system, rule payment-success-rate, peak sev1"))
        #expect(comments.contains("#     2026-09-21 14:18  Acknowledged"))
        #expect(
            comments.contains(
                "#   Who acted: Alice Wu (alice; operation, On-call lead), Bob Li (bob; execution), ceo\n"
                    + "#   Layers paged:\n#     operation (on-call leads): Alice Wu, On-call lead; Dan Wu\n#   Where:"))
        #expect(comments.contains("#   Did we respond fast? No (responded_fast)"))
        #expect(comments.contains("#     - Step status (operation): missed, never answered."))
        #expect(comments.contains("# Nothing keeps the incident from closing."))
        let blank = PostMortemDocument(Fixture.blank).text
        #expect(
            blank.contains(
                "# The incident cannot close until it has a root cause and at least one follow-up or a reason why "
                    + "no action is needed."))
        #expect(blank.contains("#  - kind: plan"), "an empty list shows how to add one")
    }

    @Test func documentWritesTheValuesPlainly() {
        let text = PostMortemDocument(Fixture.written).text
        let values = text.split(separator: "\n", omittingEmptySubsequences: false).drop { !$0.hasPrefix("root_cause") }
        #expect(
            Array(values.prefix(27)) == [
                "root_cause: |-", "  Provider certificate expired.", "  Nobody watched its expiry date.", "trigger:",
                "impact:", "  orders_affected: 1240", "  users_affected:", "  revenue_at_risk: 56000.5", "comments:",
                "  warned_early:", "  responded_fast: Status page was forgotten.", "  fully_solved:",
                "no_action_reason:", "",
                "# Follow-ups: kind is one of plan, knowledge_base, training, other; due is a day, YYYY-MM-DD;",
                "# status is one of open, done, wont_do (wont_do needs a reason). Add one as a new item without an id.",
                "# Nothing is ever deleted: mark a follow-up wont_do with a reason instead of removing it.",
                "follow_ups:", "  - id: 1", "    kind: plan",
                "    description: Alert 30 days before a certificate expires",
                "    owner: bob", "    due: 2026-09-26", "    status: open", "    reason:", "  - id: 2",
                "    kind: training",
            ])
    }

    @Test func editsAreReadAndSummarised() throws {
        let report = Fixture.written
        let document = PostMortemDocument(report)
        let text =
            document.text
            .replacingOccurrences(of: "trigger:\n", with: "trigger: Nightly rotation job failed silently\n")
            .replacingOccurrences(of: "  warned_early:\n", with: "  warned_early: \"Customers told us first.\"\n")
            .replacingOccurrences(of: "    status: open\n", with: "    status: done\n")
                + """
                  - kind: knowledge_base
                    description: Runbook for certificate renewal
                    owner: wanglei
                    due: 2026-10-01

                """
        let update = try document.parse(text, file: document.fileName, now: Fixture.now)
        #expect(update.fields.trigger == "Nightly rotation job failed silently")
        #expect(
            update.comments == [.warnedEarly: "Customers told us first.", .respondedFast: "Status page was forgotten."])
        #expect(update.followUps.map(\.id) == [1, 2, nil])
        #expect(update.followUps[0].dueAt == report.followUps[0].dueAt, "an unchanged day keeps its exact time")
        #expect(update.followUps[2].dueAt == Date(timeIntervalSince1970: 1_790_899_199), "the end of 2026-10-01 UTC")
        #expect(update.followUps[2].incidentID == Script.id)
        let changes = PostMortemChanges(from: PostMortemUpdate(report), to: update)
        #expect(
            TimelineText.english.sentence(.postMortemEdited(by: "bob", changes: changes.edit))
                == "Post-mortem edited by bob: trigger, comment on warned early; 1 follow-up added, 1 marked done")
    }

    @Test func changesNameEachKindOfFollowUpChange() {
        let current = PostMortemUpdate(Fixture.written)
        var update = current
        update.fields.rootCause = nil
        update.followUps[0].owner = "carol"
        update.followUps[1].status = .open
        #expect(PostMortemChanges(from: current, to: update).summary == "root cause; 1 follow-up reopened, 1 changed")
        update = current
        update.followUps[0].status = .wontDo
        update.followUps[0].reason = "Provider alerts us now"
        #expect(PostMortemChanges(from: current, to: update).summary == "1 follow-up marked won't do")
    }

    @Test func jsonFormReadsBackUnchangedAndIsCheckedTheSameWay() throws {
        let report = Fixture.written
        let document = PostMortemDocument(report)
        let encoder = JSONEncoder()
        let data = try encoder.encode(PostMortemUpdate(report))
        #expect(try document.parse(json: data, now: Fixture.now) == PostMortemUpdate(report))

        let body = #"""
            {"root_cause": "Expired", "impact": {"orders_affected": -1, "users_affected": "many"},
             "comments": {"warned_early": true}, "verdicts": {},
             "follow_ups": [{"id": 1, "kind": "plan", "description": "x", "owner": "bob", "due": "2026-09-26"},
                            {"id": 2, "kind": "trainig", "description": "y", "owner": "alice", "due": "2026-10-01",
                             "status": "wont_do"}]}
            """#
        let error = try #require(throws: PostMortemDocumentError.self) {
            try document.parse(json: Data(body.utf8), now: Fixture.now)
        }
        #expect(error.code == .invalid)
        #expect(
            Set(error.issues.map { "\($0.field): \($0.reason)" }) == [
                "impact.orders_affected: must not be negative",
                #"impact.users_affected: expected a whole number, found "many""#,
                "comments.warned_early: the verdict is computed from the record (now Yes) and cannot be set; "
                    + "write a comment that explains it instead",
                "verdicts: a finding's verdict is computed from the record and cannot be set; "
                    + "write what you think under comments instead",
                #"follow_ups[1].kind: unknown follow-up kind "trainig"; expected one of plan, knowledge_base, training, other; did you mean "training"?"#,
                "follow_ups[1].status: a follow-up marked wont_do needs a reason: say why it will not be done",
            ])
        let malformed = try #require(throws: PostMortemDocumentError.self) {
            try document.parse(json: Data("{not json".utf8), now: Fixture.now)
        }
        #expect(malformed.code == .malformed)
    }
}
