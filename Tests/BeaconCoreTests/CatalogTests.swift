import Foundation
import Testing

@testable import BeaconCore

/// The two catalogs say the same things: the same keys, the same placeholders, every key the sources name, and
/// Chinese that is not English copied over.
struct CatalogTests {
    let english = Catalog.english
    let chinese = Catalog.chinese

    /// Texts that read the same in both languages: names of products and formats, and texts of only values.
    static let sameInBoth: Set<String> = [
        "message.subject", "page.incident.rule", "page.report.markdown", "page.row.old_opened",
    ]

    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// English may say "1 follow-up" apart; Chinese has no plural.
    private func base(_ key: String) -> String { key.hasSuffix(".one") ? String(key.dropLast(4)) : key }

    @Test func bothCatalogsHaveTheSameKeys() {
        let englishKeys = Set(english.entries.keys.map(base))
        let chineseKeys = Set(chinese.entries.keys)
        #expect(englishKeys.subtracting(chineseKeys).sorted() == [], "missing in zh-CN")
        #expect(chineseKeys.subtracting(englishKeys).sorted() == [], "missing in en")
        #expect(chinese.entries.keys.filter { $0.hasSuffix(".one") } == [], "Chinese has no plural forms")
    }

    @Test func chineseIsTranslated() {
        let copied = chinese.entries.filter { key, value in
            english.entries[key] == value && !Self.sameInBoth.contains(key) && Self.hasWords(value)
        }
        #expect(copied.keys.sorted() == [], "zh-CN texts identical to English")
    }

    /// A page text may name the template's values (escaped) and open and close a section, never print a value
    /// unescaped, include a partial or leave a section open: a catalog edit must not be able to break a page.
    @Test func pageTextsOnlyNameValuesAndCloseTheirSections() {
        for catalog in [english, chinese] {
            for (key, value) in catalog.entries where key.hasPrefix("page.") {
                #expect(value.firstMatch(of: /\{\{\{|\{\{[&>< $!=]/) == nil, "\(key): \(value)")
                let opened = value.matches(of: /\{\{[#^]([^}]+)\}\}/).map { String($0.output.1) }
                let closed = value.matches(of: /\{\{\/([^}]+)\}\}/).map { String($0.output.1) }
                #expect(opened == closed, "\(key): sections opened and closed in the text")
            }
        }
    }

    @Test func bothLanguagesFillTheSamePlaceholders() {
        for (key, value) in chinese.entries {
            guard let englishValue = english.entries[key] else { continue }
            #expect(Self.placeholders(value) == Self.placeholders(englishValue), "\(key)")
        }
    }

    /// Every literal key in the sources (`t("page.…")`, `words("message.…")`, `[[page.…]]`) is in both catalogs.
    @Test func everyKeyTheSourcesNameIsInBothCatalogs() throws {
        let namespaces = Set(english.entries.keys.compactMap { $0.split(separator: ".").first.map(String.init) })
        let pattern = try Regex(#""([a-z_]+(?:\.[a-z0-9_]+)+)"|\[\[([a-z_]+(?:\.[a-z0-9_]+)+)\]\]"#)
        var used = Set<String>()
        let files = FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift", !file.lastPathComponent.hasPrefix("Catalog+") else { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: pattern) {
                guard let key = (match.output[1].substring ?? match.output[2].substring).map(String.init),
                    let namespace = key.split(separator: ".").first, namespaces.contains(String(namespace))
                else { continue }
                used.insert(key)
            }
        }
        #expect(used.count > 300)
        let unknown = used.filter { english.entries[$0] == nil || chinese.entries[$0] == nil }
        #expect(unknown.sorted() == [], "keys the sources name that a catalog lacks")
    }

    /// Keys built from enum cases (`severity.sev1`, `timeline.status.acknowledged`) exist for every case.
    @Test func keysBuiltFromCasesExist() {
        var keys: [String] = []
        keys += Severity.allCases.map { "severity.\($0.rawValue)" }
        keys += Layer.allCases.flatMap {
            ["layer.\($0.rawValue)", "message.next.\($0.rawValue)", "message.recurring_missed.\($0.rawValue)"]
        }
        keys += Category.allCases.map { "category.\($0.rawValue)" }
        keys += IncidentStatus.allCases.flatMap { ["status.\($0.rawValue)", "timeline.status.\($0.rawValue)"] }
        keys += NotificationKind.allCases.map { "kind.\($0.rawValue)" }
        keys += FindingKind.allCases.flatMap { ["finding.\($0.rawValue)", "finding.\($0.rawValue).question"] }
        keys += TimelineKind.allCases.map { "event.\($0.rawValue)" }
        keys += TimelineFilter.allCases.map { "filter.\($0.rawValue)" }
        keys += StepState.allCases.map { "step.\($0.rawValue)" }
        keys += ["pending", "approved", "rejected", "expired"].map { "approval.\($0)" }
        keys += ["open", "done", "wont_do"].map { "follow_up.\($0)" }
        keys += IncidentOrigin.allCases.map { "origin.\($0.rawValue)" }
        keys += FollowUpKind.allCases.map { "md.kind.\($0.rawValue)" }
        keys += CloseNeed.allCases.map { "close.\($0.rawValue)" }
        keys += PostMortemDraft.Milestone.Kind.allCases.filter { $0 != .approvalAnswered }.map {
            "milestone.\($0.rawValue)"
        }
        keys += ["channel", "rule", "roster", "playbook", "login", "step", "day_kind"].map { "check.noun.\($0)" }
        keys += ["yes", "no", "unknown"].map { "check.verdict.\($0)" }
        for key in keys {
            #expect(english.entries[key] != nil && chinese.entries[key] != nil, "\(key)")
        }
    }

    @Test func aMissingKeyShowsItselfAndPlaceholdersFill() {
        #expect(english("no.such.key") == "⟦no.such.key⟧")
        #expect(english("time.in", ["span": "5m"]) == "in 5m")
        #expect(chinese("time.in", ["span": "5分钟"]) == "5分钟后")
        #expect(english.count("tally.people", 1) == "1 person")
        #expect(english.count("tally.people", 3) == "3 people")
        #expect(chinese.count("tally.people", 1) == "1 人")
        #expect(english("list.separator") == ", ")
    }

    @Test func aRefusalIsSaidInTheReadersWordsAndInEnglishForTheAPI() {
        let error = IncidentError.invalidTransition(IncidentID(7), .acknowledge, from: .closed)
        #expect(error.message == "Incident #7 is closed; it can be acknowledged only when open.")
        #expect(error.message(in: Localizer(.zhCN)) == "事件 #7 当前为已关闭；只有在未处理时才能变为已确认。")
        let missing = IncidentError(
            code: .invalidTransition, key: "error.close_missing",
            ["id": "#7", "missing": "root_cause,follow_up_or_reason"])
        #expect(
            missing.message
                == "Incident #7 cannot close: its post-mortem needs a root cause and at least one follow-up or a reason why no action is needed."
        )
        #expect(missing.message(in: Localizer(.zhCN)) == "事件 #7 不能关闭：复盘还需要根本原因和至少一个改进项，或无需改进的理由。")
    }

    @Test func languagesAreReadAsPeopleWriteThem() {
        #expect(Language(tag: "zh-CN") == .zhCN)
        #expect(Language(tag: "zh_cn") == .zhCN)
        #expect(Language(tag: "zh-Hans") == .zhCN)
        #expect(Language(tag: "EN-us") == .en)
        #expect(Language(tag: "fr") == nil)
    }

    @Test func datesAndSpansGoThroughFoundationPerLanguage() {
        let day = LocalDay(year: 2026, month: 12, day: 8)
        #expect(Localizer(.en).day(day) == "Tue 8 Dec 2026")
        #expect(Localizer(.zhCN).day(day) == "2026年12月8日 周二")
        #expect(Localizer(.zhCN).duration(5_400) == "1小时30分钟")
        #expect(Localizer(.en).duration(5_400) == "1h30m")
        let shanghai = TimeZone(identifier: "Asia/Shanghai")!
        let now = Date(timeIntervalSince1970: 1_796_000_000)
        #expect(Localizer(.zhCN, timeZone: shanghai).relative(now.addingTimeInterval(300), from: now) == "5分钟后")
        #expect(Localizer(.en, timeZone: shanghai).relative(now.addingTimeInterval(-120), from: now) == "2m ago")
    }

    /// `{name}` and `{{name}}` placeholders, and mustache sections, as a set.
    static func placeholders(_ text: String) -> Set<String> {
        Set(text.matches(of: /\{\{?[#^\/]?([a-zA-Z_.]+)\}?\}/).map { String($0.output.0) })
    }

    /// Whether a text has words outside its placeholders (so a copy of it is untranslated).
    static func hasWords(_ text: String) -> Bool {
        text.replacing(/\{\{?[^}]*\}?\}/, with: "").contains { $0.isASCII && $0.isLetter }
    }
}
