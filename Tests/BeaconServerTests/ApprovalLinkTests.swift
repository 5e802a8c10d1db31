import BeaconApproval
import BeaconCore
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import BeaconServer

@Suite struct ApprovalLinkTests {
    let store: BeaconStore
    let signer = ApprovalSigner(key: Array(repeating: 7, count: 32))
    let start = Date(timeIntervalSince1970: 1_790_000_000)
    let config = Self.chainConfig

    /// One person per layer and a playbook whose only step is an approval, for the server's tests.
    static let chainConfig = BeaconConfig(
        channels: [Channel(id: "hook", type: .webhook, url: "http://127.0.0.1:9/hook")],
        chain: CommandChain(
            operation: ChainLayer(
                deadline: .seconds(300), people: [Person(name: "Zhang Min", login: "zhangmin", channels: ["hook"])]),
            execution: ChainLayer(
                deadline: .seconds(900), people: [Person(name: "Wang Lei", login: "wanglei", channels: ["hook"])]),
            decision: ChainLayer(
                deadline: .seconds(1800), people: [Person(name: "Li Na", login: "lina", channels: ["hook"])])),
        playbooks: [
            Playbook(
                id: "pr", title: "Public statement", appliesTo: PlaybookScope(categories: [.sentiment]),
                steps: [
                    PlaybookStep(
                        id: "statement", title: "Publish <script>alert(1)</script> statement", owner: .decision,
                        message: "We apologise <b>sincerely</b> and refund every order", approval: true)
                ])
        ])
    let approvalID: ApprovalID

    init() async throws {
        store = try BeaconStore.inMemory()
        let ledger = IncidentLedger(store, planner: CommandPlanner(config: config))
        let change = try await ledger.declare(
            title: "Shop trending for the wrong reasons", category: .sentiment, severity: .sev1, by: "zhangmin",
            at: start)
        let incidentID = try #require(change.incident.id)
        approvalID = try #require(try store.approvals(incidentID).first?.id)
    }

    func application(at now: Date) -> some ApplicationProtocol {
        let config = config
        return BeaconHTTP.application(
            listen: ListenAddress(host: "127.0.0.1", port: 0),
            repositories: store.repositories(configuration: { config }), signer: signer, config: { config },
            logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }, now: { now },
            health: { HealthReport(storeOK: true, monitorRunning: true, targets: 0, failingSources: 0, outboxDepth: 0) }
        )
    }

    func token(approve: Bool, person: PersonID = "lina", expires: Date? = nil) -> String {
        signer.token(
            for: ApprovalSigner.Claim(
                approvalID: approvalID, person: person, approve: approve,
                expiresAt: expires ?? start.addingTimeInterval(86_400)))
    }

    @Test func theLinkShowsTheQuestionEscapedAndOnlyPostAnswers() async throws {
        try await application(at: start + 60).test(.live) { client in
            let page = try await client.execute(uri: "/approvals/\(token(approve: true))", method: .get)
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            #expect(html.contains("Approve: Publish &lt;script&gt;alert(1)&lt;/script&gt; statement"))
            #expect(
                html.contains("To approve:</p><p class=\"note\">We apologise &lt;b&gt;sincerely&lt;/b&gt; and refund"))
            #expect(html.contains("Asked of you, Li Na;"), "by name")
            let request = try #require(try store.notifications(IncidentID(1)).first { $0.kind == .approvalRequest })
            #expect(request.message.text.contains("To approve: We apologise <b>sincerely</b> and refund every order"))
            #expect(!html.contains("<script>"))
            #expect(try store.approval(approvalID)?.state == .pending, "showing the page answers nothing")
            for answer in [page, try await client.execute(uri: "/approvals/forged", method: .get)] {
                #expect(answer.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
                #expect(answer.headers[.init("X-Frame-Options")!] == "DENY")
                #expect(answer.headers[.xContentTypeOptions] == "nosniff")
                #expect(answer.headers[.cacheControl] == "no-store")
            }
            #expect(!html.contains("<style>"), "the page's style is an asset the policy allows")
            let style = try await client.execute(uri: "/assets/page.css", method: .get)
            #expect(style.status == .ok)
        }
    }

    @Test func postingAnswersOnceAndTheSecondAnswerIsRefused() async throws {
        try await application(at: start + 60).test(.live) { client in
            let answered = try await client.execute(
                uri: "/approvals/\(token(approve: true))", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "comment=up+to+50+yuan+a+customer"))
            #expect(answered.status == .ok)
            #expect(String(buffer: answered.body).contains("Thank you: approved"))
            let approval = try #require(try store.approval(approvalID))
            #expect(approval.state == .approved && approval.answeredBy == "lina")
            #expect(approval.comment == "up to 50 yuan a customer")

            let again = try await client.execute(uri: "/approvals/\(token(approve: false))", method: .post)
            #expect(again.status == .conflict)
            #expect(String(buffer: again.body).contains("Already answered: approved"))
        }
    }

    @Test func tamperedExpiredAndWrongLayerLinksAreRefused() async throws {
        try await application(at: start + 60).test(.live) { client in
            var tampered = token(approve: false)
            tampered.replaceSubrange(
                tampered.index(tampered.startIndex, offsetBy: 2)...tampered.index(tampered.startIndex, offsetBy: 2),
                with: "Z")
            let forged = try await client.execute(uri: "/approvals/\(tampered)", method: .post)
            #expect(forged.status == .notFound)
            #expect(String(buffer: forged.body).contains("not valid"))

            let expired = try await client.execute(
                uri: "/approvals/\(token(approve: true, expires: start + 30))", method: .post)
            #expect(expired.status == .gone)
            #expect(String(buffer: expired.body).contains("This approval link has expired."))

            let director = try await client.execute(
                uri: "/approvals/\(token(approve: true, person: "wanglei"))", method: .post)
            #expect(director.status == .forbidden)
            #expect(String(buffer: director.body).contains("Only the decision layer answers approvals"))
            #expect(try store.approval(approvalID)?.state == .pending)
        }
    }
}

extension ApprovalLinkTests {
    func answerToken() -> String {
        signer.token(
            for: ApprovalSigner.Claim(
                approvalID: approvalID, person: "lina", approve: nil, expiresAt: start.addingTimeInterval(86_400)))
    }

    @Test func anAnswerLinkOffersBothAndTakesTheChoiceFromTheForm() async throws {
        try await application(at: start + 60).test(.live) { client in
            let page = try await client.execute(uri: "/approvals/\(answerToken())", method: .get)
            let html = String(buffer: page.body)
            #expect(
                html.contains(#"name="decision" value="approve""#) && html.contains(#"name="decision" value="reject""#))
            let undecided = try await client.execute(uri: "/approvals/\(answerToken())", method: .post)
            #expect(undecided.status == .badRequest)
            let rejected = try await client.execute(
                uri: "/approvals/\(answerToken())", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "decision=reject&comment=wait+for+legal"))
            #expect(rejected.status == .ok)
            #expect(try store.approval(approvalID)?.state == .rejected)
            #expect(try store.approval(approvalID)?.comment == "wait for legal")
        }
    }

    /// A short link as the dispatcher makes one for an SMS: a random code, only its hash stored.
    func shortLink(expires: Date? = nil) async throws -> String {
        var generator = SystemRandomNumberGenerator()
        let code = ApprovalShortLink.makeCode(using: &generator)
        try await store.outbox.createShortLink(
            codeHash: ApprovalShortLink.hash(code), approvalID: approvalID, person: "lina",
            expiresAt: expires ?? start.addingTimeInterval(86_400), at: start)
        return code
    }

    @Test func aShortLinkShowsBothAnswersAndAnswersOnce() async throws {
        let code = try await shortLink()
        #expect(code.count == 14, "14 base62 characters: 83 random bits")
        let stored = try await store.approvalLinks.shortLink(codeHash: ApprovalShortLink.hash(code))
        #expect(stored?.person == "lina")
        try await application(at: start + 60).test(.router) { client in
            let page = try await client.execute(uri: "/a/\(code)", method: .get)
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            #expect(html.contains(#"value="approve""#) && html.contains(#"value="reject""#))
            #expect(try store.approval(approvalID)?.state == .pending, "showing answers nothing")
            let answered = try await client.execute(
                uri: "/a/\(code)", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "decision=reject&comment=not+now"))
            #expect(answered.status == .ok)
            #expect(try store.approval(approvalID)?.state == .rejected)
            #expect(try store.approval(approvalID)?.answeredBy == "lina")
            let again = try await client.execute(
                uri: "/a/\(code)", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "decision=approve"))
            #expect(again.status == .conflict, "single use: the page says it was answered")
            #expect(try store.approval(approvalID)?.state == .rejected)
        }
    }

    @Test func unknownMalformedAndExpiredShortLinksAreRefused() async throws {
        let expired = try await shortLink(expires: start.addingTimeInterval(30))
        try await application(at: start + 60).test(.router) { client in
            let forged = try await client.execute(uri: "/a/AAAAAAAAAAAAAA", method: .get)
            #expect(forged.status == .notFound)
            let malformed = try await client.execute(uri: "/a/short", method: .get)
            #expect(malformed.status == .notFound)
            let late = try await client.execute(
                uri: "/a/\(expired)", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "decision=approve"))
            #expect(late.status == .gone)
            #expect(try store.approval(approvalID)?.state == .pending)
        }
    }
}
