import BeaconCore
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BeaconServer

/// Every console page in both languages, as every layer: no key missing, and in Chinese no English left but
/// the record's own data (titles, names, ids the fixture wrote in English).
@Suite struct ConsoleLanguageTests {
    let fixture: ConsoleFixture
    /// A resolved incident with its approval answered and its post-mortem open.
    let worked: IncidentID

    init() async throws {
        fixture = try await ConsoleFixture()
        worked = try await fixture.workedRuleIncident()
    }

    var pages: [String] {
        let id = fixture.incidentID.rawValue
        return [
            "/", "/incidents", "/incidents/\(id)", "/incidents/\(id)?show=notifications", "/approvals", "/oncall",
            "/reports/weekly", "/incidents/new", "/incidents/\(id)/postmortem", "/incidents/\(worked.rawValue)",
            "/incidents/\(worked.rawValue)/postmortem", "/incidents?status=resolved",
        ]
    }

    /// Words the fixture's record and configuration wrote in English, and names that read the same in any
    /// language.
    static let allowed: Set<String> = {
        let config = ConsoleFixture.config
        var texts = ["Card payments failing", "region=east", "yes", "gateway down", "bad deploy"]
        texts += config.rules.flatMap { [$0.id.rawValue, $0.title, $0.source.url] }
        texts += config.playbooks.flatMap { playbook in
            [playbook.id, playbook.title]
                + playbook.steps.flatMap { [$0.id.rawValue, $0.title, $0.message ?? ""] + $0.checklist }
        }
        texts += config.chain.people.flatMap { [$0.name, $0.login ?? "", $0.role ?? ""] + $0.channels }
        texts += ConsoleFixture.logins.values.flatMap { [$0, $0.capitalized] }
        var words = Set(texts.flatMap { $0.split { !$0.isLetter }.map { $0.lowercased() } })
        // Names of products, formats and levels, the same in any language.
        words.formUnion([
            "what", "when", "who", "where", "why", "how", "beacon", "sev", "utc", "gmt", "english", "markdown",
            "alertmanager", "kib",
        ])
        return words
    }()

    /// The text a person reads: tags, scripts and styles removed; `placeholder`, `title` and `aria-label` kept.
    static func visibleText(_ html: String) -> String {
        var text = html.replacing(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/, with: " ")
        let attributes = text.matches(of: /(?:placeholder|title|aria-label|data-label)="([^"]*)"/).map {
            String($0.output.1)
        }
        text = text.replacing(/<[^>]*>/, with: " ").replacing(/&[a-z]+;|&#[0-9]+;/, with: " ")
        return ([text] + attributes).joined(separator: " ")
    }

    @Test(arguments: Layer.allCases) func everyPageSpeaksChineseForEveryLayer(_ layer: Layer) async throws {
        try await fixture.application().test(.router) { client in
            let session = try await fixture.signIn(client, as: layer)
            for uri in pages {
                let response = try await fixture.get(client, uri, as: session, language: .zhCN)
                #expect(response.status == .ok, "\(uri)")
                let html = String(buffer: response.body)
                #expect(html.contains(#"<html lang="zh-CN">"#), "\(uri)")
                #expect(!html.contains("⟦"), "\(uri): a key is missing")
                let english = Self.visibleText(html).split { !$0.isLetter || !$0.isASCII }.map(String.init)
                    .filter { $0.count > 1 && !Self.allowed.contains($0.lowercased()) }
                #expect(Set(english).sorted() == [], "\(uri) as \(layer): English left in the Chinese page")
            }
        }
    }

    @Test(arguments: Layer.allCases) func everyPageSpeaksEnglishForEveryLayer(_ layer: Layer) async throws {
        try await fixture.application().test(.router) { client in
            let session = try await fixture.signIn(client, as: layer)
            for uri in pages {
                let response = try await fixture.get(client, uri, as: session, language: .en)
                let html = String(buffer: response.body)
                #expect(html.contains(#"<html lang="en">"#), "\(uri)")
                #expect(!html.contains("⟦"), "\(uri): a key is missing")
                #expect(
                    !html.contains(where: {
                        $0.unicodeScalars.first.map { (0x4E00...0x9FFF).contains($0.value) } ?? false
                    }) || html.contains("中文"))
            }
        }
    }
}
