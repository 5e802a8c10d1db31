import BeaconCore
import Testing

@Suite struct ConfigValidationTests {
    let fixture = ConfigFixture()

    @Test func fixtureIsValid() throws {
        let config = try fixture.parse()
        #expect(config.summary == "2 rules, 1 playbooks, 3 people in 3 layers")
        #expect(config.rules[0].condition == .threshold(op: .below, levels: [.sev2: 0.90, .sev1: 0.80]))
        #expect(config.rules[0].forDuration == .seconds(60))
        #expect(
            config.rules[1].condition
                == .change(window: .seconds(3600), op: .above, levels: [.sev3: .percent(300), .sev2: .ratio(10)]))
        #expect(config.playbooks[0].steps.map(\.id) == ["confirm", "progress", "compensation"])
        #expect(config.chain.execution.deadline == .seconds(15 * 60))
        #expect(config.paging[.sev2] == [.operation, .execution])
        #expect(config.publicURL == "http://127.0.0.1:8080")
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var part: ConfigFixture.Part
        var old: String
        var new: String
        var expected: [String]
        var testDescription: String { name }
    }

    /// Nine nested anchors, each a list of nine aliases of the one before: 9^9 nodes once expanded.
    static let laughs =
        "x0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        + (1...8).map { level in
            "x\(level): &lol\(level) [" + Array(repeating: "*lol\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }.joined()

    static let cases: [Case] = [
        Case(
            name: "unknown key with a near miss", part: .rules, old: "    for: 1m", new: "    fro: 1m",
            expected: [#"Alerts/payments.yaml:15: rules[0].fro: unknown key "fro"; did you mean "for"?"#]),
        Case(
            name: "unknown key far from any", part: .rules, old: "      timeout: 3s\n",
            new: "      timeout: 3s\n      colour: red\n",
            expected: [
                #"Alerts/payments.yaml:11: rules[0].source.colour: unknown key "colour"; expected one of url, format, metric, path, series_label, interval, timeout, headers, max_bytes"#
            ]),
        Case(
            name: "misspelt condition kind", part: .rules, old: "kind: threshold", new: "kind: treshold",
            expected: [
                #"Alerts/payments.yaml:12: rules[0].condition.kind: unknown condition kind "treshold"; expected one of threshold, change, contains, absent; did you mean "threshold"?"#
            ]),
        Case(
            name: "missing required field", part: .rules, old: "    title: Payment success rate\n", new: "",
            expected: [#"Alerts/payments.yaml:2: rules[0].title: required field is missing"#]),
        Case(
            name: "wrong type", part: .rules, old: "interval: 15s", new: "interval: [15s]",
            expected: [#"Alerts/payments.yaml:9: rules[0].source.interval: expected text, found a list"#]),
        Case(
            name: "number expected", part: .rules, old: "sev2: 0.90, sev1: 0.80", new: "sev2: high, sev1: 0.80",
            expected: [#"Alerts/payments.yaml:14: rules[0].condition.levels.sev2: expected a number, found "high""#]),
        Case(
            name: "malformed duration", part: .rules, old: "for: 1m", new: "for: 1 minute",
            expected: [
                #"Alerts/payments.yaml:15: rules[0].for: malformed duration "1 minute"; write it like 500ms, 15s, 5m, 1h or 1d"#
            ]),
        Case(
            name: "malformed percentage", part: .rules, old: "sev3: 300%", new: "sev3: 300 percent",
            expected: [
                #"Alerts/payments.yaml:29: rules[1].condition.levels.sev3: malformed change "300 percent"; write a percentage such as 50% or -30%, or a ratio such as 10x"#
            ]),
        Case(
            name: "duplicate rule id", part: .rules, old: "id: negative-mentions", new: "id: payment-success-rate",
            expected: [
                #"Alerts/payments.yaml:18: rules[1].id: duplicate rule id "payment-success-rate" (first defined at Alerts/payments.yaml:2)"#
            ]),
        Case(
            name: "duplicate step id", part: .playbook, old: "id: progress", new: "id: confirm",
            expected: [
                #"Playbooks/payment-failure.yaml:9: steps[1].id: duplicate step id "confirm" (first defined at Playbooks/payment-failure.yaml:5)"#
            ]),
        Case(
            name: "rule naming a missing playbook", part: .rules, old: "playbook: payment-failure",
            new: "playbook: payment-failures",
            expected: [
                #"Alerts/payments.yaml:17: rules[0].playbook: unknown playbook "payment-failures"; did you mean "payment-failure"?"#
            ]),
        Case(
            name: "person naming an unknown channel", part: .main, old: "channels: [hook] }",
            new: "channels: [pager] }",
            expected: [
                #"beacon.yaml:10: chain.operation.people[0].channels[0]: unknown channel "pager"; defined: hook, mail"#
            ]),
        Case(
            name: "channel of unknown type", part: .main, old: "type: webhook", new: "type: pigeon",
            expected: [
                #"beacon.yaml:4: channels.hook.type: unknown channel type "pigeon"; expected one of webhook, slack, dingtalk, wecom, feishu, smtp, sms"#
            ]),
        Case(
            name: "severity outside sev1 to sev4", part: .rules, old: "sev2: 0.90, sev1: 0.80",
            new: "sev5: 0.95, sev1: 0.80",
            expected: [
                #"Alerts/payments.yaml:14: rules[0].condition.levels.sev5: unknown severity "sev5"; expected one of sev1, sev2, sev3, sev4"#
            ]),
        Case(
            name: "levels out of order for the op", part: .rules, old: "sev2: 0.90, sev1: 0.80",
            new: "sev2: 0.90, sev1: 0.95",
            expected: [
                #"Alerts/payments.yaml:14: rules[0].condition.levels: for op "<" sev1 (0.95) must be below sev2 (0.9)"#
            ]),
        Case(
            name: "change levels out of order", part: .rules, old: "sev3: 300%, sev2: 10x",
            new: "sev3: 10x, sev2: 300%",
            expected: [
                #"Alerts/payments.yaml:29: rules[1].condition.levels: for op ">" sev2 (300%) must be above sev3 (10x)"#
            ]),
        Case(
            name: "timeout not shorter than interval", part: .rules, old: "timeout: 3s", new: "timeout: 15s",
            expected: [
                #"Alerts/payments.yaml:10: rules[0].source.timeout: timeout (15s) must be shorter than interval (15s)"#
            ]),
        Case(
            name: "unset environment variable", part: .main, old: #"url: "http://127.0.0.1:9000/hook""#,
            new: #"url: "${HOOK_URL}""#,
            expected: [#"beacon.yaml:4: channels.hook.url: ${HOOK_URL} is not set in the environment"#]),
        Case(
            name: "step owned by an unknown layer", part: .playbook, old: "owner: operation\n    within: 5m",
            new: "owner: operations\n    within: 5m",
            expected: [
                #"Playbooks/payment-failure.yaml:7: steps[0].owner: unknown layer "operations"; expected one of operation, execution, decision; did you mean "operation"?"#
            ]),
        Case(
            name: "approval step not owned by decision", part: .playbook, old: "owner: decision",
            new: "owner: execution",
            expected: [
                #"Playbooks/payment-failure.yaml:16: steps[2].approval: an approval step must be owned by decision (only executives answer approvals), not execution"#
            ]),
        Case(
            name: "empty layer in the chain", part: .main,
            old: "      - { name: Li Na, login: lina, channels: [mail] }",
            new: "      []",
            expected: [
                #"beacon.yaml:18: chain.decision.people: the decision layer is empty; every layer needs at least one person"#
            ]),
        Case(
            name: "missing layer in the chain", part: .main,
            old:
                "  decision:\n    instruct_within: 30m\n    people:\n      - { name: Li Na, login: lina, channels: [mail] }\n",
            new: "",
            expected: [#"beacon.yaml:7: chain.decision: required field is missing"#]),
        Case(
            name: "YAML syntax error", part: .rules, old: "    title: Payment success rate", new: "    title: [Payment",
            expected: [
                #"Alerts/payments.yaml:4: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence)"#
            ]),
        Case(
            name: "duplicate key", part: .rules, old: "    for: 1m\n", new: "    for: 1m\n    for: 2m\n",
            expected: [#"Alerts/payments.yaml:15: YAML syntax error: duplicate key "for""#]),
        Case(
            name: "kebab-case ids", part: .rules, old: "id: negative-mentions", new: "id: Negative_Mentions",
            expected: [
                #"Alerts/payments.yaml:18: rules[1].id: rule id "Negative_Mentions" must be kebab-case (lowercase letters, digits and dashes)"#
            ]),
        Case(
            name: "key of another condition kind", part: .rules, old: "      window: 1h\n",
            new: "      window: 1h\n      severity: sev2\n",
            expected: [#"Alerts/payments.yaml:28: rules[1].condition.severity: not used by a change condition"#]),
        Case(
            name: "json key on a prometheus source", part: .rules, old: "metric: payment_success_rate",
            new: "metric: payment_success_rate\n      path: a.b",
            expected: [#"Alerts/payments.yaml:9: rules[0].source.path: only used by json sources"#]),
        Case(
            name: "malformed metric selector", part: .rules, old: "metric: payment_success_rate",
            new: "metric: 'payment_success_rate{region=east}'",
            expected: [
                #"Alerts/payments.yaml:8: rules[0].source.metric: malformed metric selector "payment_success_rate{region=east}": expected a value in double quotes"#
            ]),
        Case(
            name: "wildcard path without series label", part: .rules, old: "path: negative_mentions",
            new: "path: items[*].count",
            expected: [
                #"Alerts/payments.yaml:24: rules[1].source.path: a [*] path yields one series per item; name them with series_label (such as items[*].sku)"#
            ]),
        Case(
            name: "series label into another list", part: .rules, old: "path: negative_mentions",
            new: "path: items[*].count\n      series_label: products[*].sku",
            expected: [
                #"Alerts/payments.yaml:25: rules[1].source.series_label: series_label must point into the same list as path (start with items[*].)"#
            ]),
        Case(
            name: "series label without a list", part: .rules, old: "path: negative_mentions",
            new: "path: negative_mentions\n      series_label: items[*].sku",
            expected: [
                #"Alerts/payments.yaml:25: rules[1].source.series_label: series_label names the items of a [*] path, and path "negative_mentions" has no [*]"#
            ]),
        Case(
            name: "contains on a prometheus source", part: .rules,
            old: "kind: threshold\n      op: \"<\"\n      levels: { sev2: 0.90, sev1: 0.80 }",
            new: "kind: contains\n      keywords: [outage]\n      levels: { sev2: 10 }",
            expected: [
                #"Alerts/payments.yaml:12: rules[0].condition.kind: a contains condition reads a list of texts, which only json sources have"#
            ]),
        Case(
            name: "assessment step not owned by execution", part: .playbook, old: "    within: 5m\n",
            new: "    within: 5m\n    assessment: true\n",
            expected: [
                #"Playbooks/payment-failure.yaml:9: steps[0].assessment: the assessment step must be owned by execution (assess_within watches it), not operation"#
            ]),
        Case(
            name: "smtp channel without sender", part: .main, old: ", from: beacon@example.com", new: "",
            expected: [#"beacon.yaml:5: channels.mail.from: required field is missing"#]),
        Case(
            name: "paging an unknown layer", part: .main, old: "sev1: [operation, execution, decision]",
            new: "sev1: [operation, board]",
            expected: [
                #"beacon.yaml:20: paging.sev1[1]: unknown layer "board"; expected one of operation, execution, decision"#
            ]),
        Case(
            name: "post-mortem policy out of range", part: .main, old: "paging:\n",
            new:
                "postmortem: { owner: board, due_working_days: 90, remind_before: -1h, deadline: 2d }\n"
                + "time_zone: Mars/Olympus\npaging:\n",
            expected: [
                #"beacon.yaml:19: postmortem.deadline: unknown key "deadline"; expected one of owner, due_working_days, remind_before, follow_up_remind_every"#,
                #"beacon.yaml:19: postmortem.owner: unknown layer "board"; expected one of operation, execution, decision"#,
                #"beacon.yaml:19: postmortem.due_working_days: expected between 1 and 60 working days, found 90"#,
                #"beacon.yaml:19: postmortem.remind_before: malformed duration "-1h"; write it like 500ms, 15s, 5m, 1h or 1d"#,
                #"beacon.yaml:20: time_zone: unknown time zone "Mars/Olympus"; expected an IANA name such as Asia/Shanghai or UTC"#,
            ]),
        Case(
            name: "an unknown locale", part: .main, old: "paging:\n", new: "locale: fr-FR\npaging:\n",
            expected: [#"beacon.yaml:19: locale: unknown locale "fr-FR"; expected zh-CN or en"#]),
        Case(
            name: "duration out of range", part: .rules, old: "for: 1m", new: "for: 999999999999999h",
            expected: [
                #"Alerts/payments.yaml:15: rules[0].for: duration "999999999999999h" is out of range; at most 366d"#
            ]),
        Case(
            name: "size out of range", part: .rules, old: "      timeout: 3s\n",
            new: "      timeout: 3s\n      max_bytes: 99999999999999GiB\n",
            expected: [
                #"Alerts/payments.yaml:11: rules[0].source.max_bytes: 99999999999999GiB is out of range; at most 64MiB"#
            ]),
        Case(
            name: "URL with a space", part: .rules, old: "url: http://127.0.0.1:9100/metrics",
            new: #"url: "http://127.0.0.1:9100/met rics""#,
            expected: [#"Alerts/payments.yaml:6: rules[0].source.url: a URL cannot contain spaces; write them as %20"#]),
        Case(
            name: "empty step title", part: .playbook, old: "title: Confirm the failure", new: #"title: "  ""#,
            expected: [#"Playbooks/payment-failure.yaml:6: steps[0].title: must not be empty"#]),
        Case(
            name: "NUL in a title", part: .rules, old: "title: Payment success rate",
            new: #"title: "Payment\0 success rate""#,
            expected: [#"Alerts/payments.yaml:3: rules[0].title: contains the invisible character U+0000"#]),
        Case(
            name: "path starting with a byte-order mark", part: .rules, old: "path: negative_mentions",
            new: "path: \u{FEFF}negative_mentions",
            expected: [#"Alerts/payments.yaml:24: contains the invisible character U+FEFF"#]),
        Case(
            name: "path starting with an escaped byte-order mark", part: .rules, old: "path: negative_mentions",
            new: #"path: "\uFEFFnegative_mentions""#,
            expected: [#"Alerts/payments.yaml:24: contains the invisible character U+FEFF"#]),
        Case(
            name: "alias used as a mapping key", part: .main, old: "paging:\n",
            new: laughs + "? *lol8\n: boom\npaging:\n",
            expected: [#"beacon.yaml:28: an alias (*lol8) cannot be used as a mapping key"#]),
        Case(
            name: "aliases expanding without bound", part: .main, old: "paging:\n",
            new: laughs + "x9: [*lol8, *lol8]\npaging:\n",
            expected: [#"beacon.yaml:1: aliases expand to more than 100000 nodes"#]),
        Case(
            name: "nesting without bound", part: .main, old: "paging:\n",
            new: "deep: " + String(repeating: "[", count: 200) + String(repeating: "]", count: 200) + "\npaging:\n",
            expected: [#"beacon.yaml:19: nests deeper than 128 levels"#]),
    ]

    @Test func postMortemPolicyAndTimeZoneAreRead() throws {
        let config = try fixture.editing(
            .main, "paging:\n",
            "postmortem: { owner: operation, due_working_days: 3, remind_before: 4h }\ntime_zone: Asia/Shanghai\npaging:\n"
        ).parse()
        #expect(
            config.postMortem == PostMortemPolicy(owner: .operation, dueWorkingDays: 3, remindBefore: .seconds(14_400)))
        #expect(config.calendar.timeZone.identifier == "Asia/Shanghai")
        #expect(try fixture.parse().postMortem == PostMortemPolicy())
    }

    @Test(arguments: cases)
    func brokenConfigurationIsReportedPrecisely(_ testCase: Case) {
        let issues = fixture.editing(testCase.part, testCase.old, testCase.new).issues()
        #expect(issues == testCase.expected)
    }

    /// `beacon check` says each of those problems in Chinese too: every sentence (and every phrase inside one, such
    /// as "found a list") comes from the catalog, at the same file, line and field.
    @Test(arguments: cases)
    func brokenConfigurationIsReportedInChinese(_ testCase: Case) throws {
        let edited = fixture.editing(testCase.part, testCase.old, testCase.new)
        let problems: [ConfigIssue]
        do {
            _ = try edited.parse()
            problems = []
        } catch {
            problems = error.issues
        }
        #expect(problems.count == testCase.expected.count)
        let chinese = Localizer(.zhCN)
        for problem in problems {
            let said = problem.description(in: chinese)
            #expect(!said.contains("⟦"), "a key missing from the Chinese catalog: \(said)")
            #expect(said.hasPrefix("\(problem.file):\(problem.line): "))
            #expect(said.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "no Chinese in: \(said)")
            #expect(said != problem.description)
        }
    }

    /// The terminal's language, as POSIX orders the variables, for what the CLI says before it reads a configuration.
    @Test func theTerminalLanguageIsReadFromTheEnvironment() {
        #expect(Language(environment: ["LANG": "zh_CN.UTF-8"]) == .zhCN)
        #expect(Language(environment: ["LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"]) == .en)
        #expect(Language(environment: ["LANG": "C.UTF-8"]) == .en)
    }

    @Test func everyProblemIsReportedAtOnce() {
        let broken = fixture.editing(.rules, "for: 1m", "fro: 1m").editing(.main, "type: webhook", "type: pigeon")
            .editing(.playbook, "owner: decision", "owner: execution")
        let issues = broken.issues()
        #expect(issues.count == 3)
        #expect(
            issues.map { $0.split(separator: ":")[0] } == [
                "beacon.yaml", "Alerts/payments.yaml", "Playbooks/payment-failure.yaml",
            ])
    }

    @Test func environmentSubstitutionFillsSecrets() throws {
        var edited = fixture.editing(.main, #"url: "http://127.0.0.1:9000/hook""#, #"url: "${HOOK_URL}""#)
        edited.environment = ["HOOK_URL": "https://hooks.example.com/T0"]
        #expect(try edited.parse().channel("hook")?.url == "https://hooks.example.com/T0")
    }

    @Test func environmentFallbackAppliesWhenUnset() throws {
        let edited = fixture.editing(
            .main, #"url: "http://127.0.0.1:9000/hook""#, #"url: "${HOOK_URL:-http://127.0.0.1:9001/x}""#)
        #expect(try edited.parse().channel("hook")?.url == "http://127.0.0.1:9001/x")
    }
}
