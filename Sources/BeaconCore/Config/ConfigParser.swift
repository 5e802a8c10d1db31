import Yams

/// Turns configuration texts into a validated `BeaconConfig`, or every problem found in them.
public enum ConfigParser {
    /// Parses and validates every file.
    /// - Parameters:
    ///   - files: the texts to parse.
    ///   - environment: the values of `${NAME}` references.
    /// - Throws: `ConfigErrors` listing every problem, in file and line order.
    public static func parse(
        _ files: ConfigFiles, environment: [String: String], rulesIncluded: Bool = true
    )
        throws(ConfigErrors) -> BeaconConfig
    {
        let diagnostics = ConfigDiagnostics(environment: environment)
        let decoder = ConfigDecoder(diagnostics: diagnostics)
        let main = root(files.main, diagnostics).flatMap(decoder.mainFile)
        let rules = files.alerts.flatMap { file in root(file, diagnostics).map(decoder.ruleFile) ?? [] }
        let playbooks = files.playbooks.compactMap { file in root(file, diagnostics).flatMap(decoder.playbookFile) }
        checkReferences(diagnostics, skipping: rulesIncluded ? [] : ["rule"])
        let order = ([files.main] + files.alerts + files.playbooks).map(\.name)
        let issues = (files.readIssues + diagnostics.issues).enumerated().sorted { a, b in
            let (fileA, fileB) = (
                order.firstIndex(of: a.element.file) ?? -1, order.firstIndex(of: b.element.file) ?? -1
            )
            if fileA != fileB { return fileA < fileB }
            if a.element.line != b.element.line { return a.element.line < b.element.line }
            return a.offset < b.offset
        }.map(\.element)
        guard issues.isEmpty, let main else { throw ConfigErrors(issues) }
        var config = BeaconConfig(
            store: main.store, listen: main.listen, publicURL: main.publicURL, alertsDirectory: main.alerts,
            playbooksDirectory: main.playbooks, channels: main.channels, chain: main.chain, paging: main.paging,
            rules: rules, playbooks: playbooks, postMortem: main.postMortem, timeZone: main.timeZone,
            holidays: main.calendar, rosters: main.rosters, intakeSeverities: main.intakeSeverities,
            language: main.language)
        config.cluster = main.cluster
        let rosterIssues = rosterMembership(config, mainFile: files.main.name)
        guard rosterIssues.errors.isEmpty else { throw ConfigErrors(rosterIssues.errors) }
        config.warnings =
            diagnostics.warnings + unreachableDeciders(config, mainFile: files.main.name) + rosterIssues.warnings
        return config
    }

    /// A roster pages people of the layer that names it, so everyone in it must be a person of that layer (and
    /// one roster serves one layer); a roster no layer names pages nobody.
    private static func rosterMembership(
        _ config: BeaconConfig, mainFile: String
    ) -> (errors: [ConfigIssue], warnings: [ConfigIssue]) {
        var errors: [ConfigIssue] = []
        var warnings: [ConfigIssue] = []
        for roster in config.rosters {
            let users = Layer.allCases.filter { config.chain[$0].roster == roster.id }
            guard let layer = users.first else {
                warnings.append(
                    ConfigIssue(
                        file: mainFile, line: 1, field: "rosters.\(roster.id)",
                        problem: ConfigProblem("check.roster_unused", ["roster": "\(roster.id)"])))
                continue
            }
            if users.count > 1 {
                errors.append(
                    ConfigIssue(
                        file: mainFile, line: 1, field: "rosters.\(roster.id)",
                        problem: ConfigProblem(
                            "check.roster_shared", ["first": .layer(users[0]), "second": .layer(users[1])])))
            }
            let members = Set(config.chain[layer].people.map(\.id))
            for login in roster.people where !members.contains(login) {
                errors.append(
                    ConfigIssue(
                        file: mainFile, line: 1, field: "rosters.\(roster.id)",
                        problem: ConfigProblem(
                            "check.roster_outsider", ["login": "\(login)", "layer": .layer(layer)])))
            }
        }
        return (errors, warnings)
    }

    /// Decision-layer people with no personal channel: approval requests carry answer links only on personal
    /// channels, so such a person could never answer one from a message.
    private static func unreachableDeciders(_ config: BeaconConfig, mainFile: String) -> [ConfigIssue] {
        config.chain.decision.people.enumerated().compactMap { index, person in
            let personal = person.channels.contains { config.channel($0)?.audience == .personal }
            guard !personal else { return nil }
            return ConfigIssue(
                file: mainFile, line: 1, field: "chain.decision.people[\(index)]",
                problem: ConfigProblem("check.unreachable_decider", ["name": "\(person.name)"]))
        }
    }

    /// The root node of a file, or `nil` with an issue for a syntax error or an empty file.
    static func root(_ file: ConfigFile, _ diagnostics: ConfigDiagnostics) -> YAMLField? {
        if let problem = YAMLBounds.problem(in: file.text) {
            diagnostics.add(ConfigIssue(file: file.name, line: problem.line, field: "", problem: problem.problem))
            return nil
        }
        do {
            guard let node = try Yams.compose(yaml: file.text) else {
                diagnostics.add(
                    ConfigIssue(file: file.name, line: 1, field: "", problem: ConfigProblem("check.empty_file")))
                return nil
            }
            if YAMLBounds.expandsTooFar(node) {
                diagnostics.add(
                    ConfigIssue(
                        file: file.name, line: 1, field: "",
                        problem: ConfigProblem("check.alias_expansion", ["most": "\(YAMLBounds.maxExpandedNodes)"])))
                return nil
            }
            return YAMLField(node: node, file: file.name, path: "", diagnostics: diagnostics)
        } catch let error as YamlError {
            diagnostics.add(syntaxIssue(error, file: file.name))
        } catch {
            diagnostics.add(
                ConfigIssue(
                    file: file.name, line: 1, field: "",
                    problem: ConfigProblem("check.unreadable_yaml", ["detail": "\(error)"])))
        }
        return nil
    }

    private static func syntaxIssue(_ error: YamlError, file: String) -> ConfigIssue {
        func issue(_ problem: String, _ mark: Mark?) -> ConfigIssue {
            ConfigIssue(
                file: file, line: mark?.line ?? 1, field: "",
                problem: ConfigProblem("check.yaml_syntax", ["detail": "\(problem)"]))
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) (\($0.text))" } ?? problem
            return issue(detail, mark)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ConfigIssue(
                file: file, line: context.mark.line, field: "",
                problem: ConfigProblem(
                    "check.duplicate_key", ["keys": "\(duplicates.map { "\"\($0)\"" }.joined(separator: ", "))"]))
        case .reader(let problem, _, _, _):
            return issue(problem, nil)
        default:
            return issue("\(error)", nil)
        }
    }

    /// Reports ids used by reference that nothing defines (a rule naming a missing playbook, a person
    /// naming an unknown channel).
    private static func checkReferences(_ diagnostics: ConfigDiagnostics, skipping: Set<String>) {
        for (kind, id, field) in diagnostics.references
        where !skipping.contains(kind) && !diagnostics.isDefined(kind, id) {
            let known = diagnostics.definedIDs(kind)
            if let guess = ConfigText.suggestion(for: id, among: known) {
                field.fail("check.unknown_reference.guess", ["kind": .noun(kind), "id": "\(id)", "guess": "\(guess)"])
            } else if known.isEmpty {
                field.fail("check.unknown_reference.none", ["kind": .noun(kind), "id": "\(id)"])
            } else {
                field.fail(
                    "check.unknown_reference",
                    ["kind": .noun(kind), "id": "\(id)", "known": "\(known.joined(separator: ", "))"])
            }
        }
    }
}
