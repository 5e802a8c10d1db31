import Foundation
import Yams

/// Collects the issues and cross-references of one configuration load.
///
/// Decoding never stops at the first problem: each field that is wrong adds an issue and decodes as `nil`,
/// so one pass reports everything.
final class ConfigDiagnostics {
    private(set) var issues: [ConfigIssue] = []
    let environment: [String: String]
    /// Whether text values have `${NAME}` replaced; off for documents people write, such as post-mortems.
    let substitutesEnvironment: Bool
    /// Where each id of each kind was first defined, to report duplicates.
    private var definitions: [String: [String: ConfigLocation]] = [:]
    /// Ids used by reference (`playbook: payment-failure`), checked once every file is read.
    private(set) var references: [(kind: String, id: String, field: YAMLField)] = []

    init(environment: [String: String], substitutesEnvironment: Bool = true) {
        self.environment = environment
        self.substitutesEnvironment = substitutesEnvironment
    }

    func add(_ issue: ConfigIssue) { issues.append(issue) }

    /// What is valid but likely a mistake: reported by `beacon check`, never a reason to refuse the file.
    private(set) var warnings: [ConfigIssue] = []

    func addWarning(_ issue: ConfigIssue) { warnings.append(issue) }

    /// Records the definition of `id`; reports it if the same kind already has that id.
    func define(_ kind: String, _ id: String, at field: YAMLField) {
        if let first = definitions[kind, default: [:]][id] {
            field.fail("check.duplicate_id", ["kind": .noun(kind), "id": "\(id)", "first": "\(first)"])
        } else {
            definitions[kind, default: [:]][id] = field.location
        }
    }

    func isDefined(_ kind: String, _ id: String) -> Bool { definitions[kind]?[id] != nil }
    func definedIDs(_ kind: String) -> [String] { definitions[kind].map { Array($0.keys).sorted() } ?? [] }

    func refer(to kind: String, _ id: String, at field: YAMLField) { references.append((kind, id, field)) }
}

/// A YAML node being decoded, with the file, line and field path that messages name.
struct YAMLField {
    let node: Node
    let file: String
    let path: String
    let diagnostics: ConfigDiagnostics

    var line: Int { node.mark?.line ?? 1 }
    var location: ConfigLocation { ConfigLocation(file: file, line: line) }

    func fail(_ problem: ConfigProblem) {
        diagnostics.add(ConfigIssue(file: file, line: line, field: path, problem: problem))
    }

    func fail(_ key: String, _ values: [String: ConfigProblem.Value] = [:]) { fail(ConfigProblem(key, values)) }

    func warn(_ key: String, _ values: [String: ConfigProblem.Value] = [:]) {
        diagnostics.addWarning(ConfigIssue(file: file, line: line, field: path, problem: ConfigProblem(key, values)))
    }

    func child(_ node: Node, _ component: String) -> YAMLField {
        let separator = component.hasPrefix("[") || path.isEmpty ? "" : "."
        return YAMLField(node: node, file: file, path: path + separator + component, diagnostics: diagnostics)
    }

    var isNull: Bool {
        guard case .scalar(let scalar) = node else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// What the node is, for "expected …, found …" messages.
    var found: ConfigProblem.Value {
        switch node {
        case .mapping: .phrase(ConfigProblem("check.found.mapping"))
        case .sequence: .phrase(ConfigProblem("check.found.list"))
        case .scalar(let scalar): isNull ? .phrase(ConfigProblem("check.found.nothing")) : "\"\(scalar.string)\""
        case .alias: .phrase(ConfigProblem("check.found.alias"))
        }
    }

    /// The node as a mapping whose keys must be among `keys`; unknown keys are reported with a suggestion.
    /// - Parameter tolerated: keys let through without being offered, for the caller to explain.
    func mapping(keys allowed: [String], tolerating tolerated: [String] = []) -> YAMLMapping? {
        guard let mapping = freeMapping() else { return nil }
        for (key, keyNode) in mapping.entries.map({ ($0.key, $0.keyNode) })
        where !allowed.contains(key) && !tolerated.contains(key) {
            let field = child(keyNode, key)
            if let guess = ConfigText.suggestion(for: key, among: allowed) {
                field.fail("check.unknown_key.guess", ["key": "\(key)", "guess": "\(guess)"])
            } else {
                field.fail("check.unknown_key", ["key": "\(key)", "allowed": "\(allowed.joined(separator: ", "))"])
            }
        }
        return mapping
    }

    /// The node as a mapping with keys of the user's choosing (channel ids, labels).
    func freeMapping() -> YAMLMapping? {
        guard case .mapping(let mapping) = node else {
            fail("check.expected_mapping", ["found": found])
            return nil
        }
        var entries: [YAMLMapping.Entry] = []
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let key) = keyNode else {
                child(keyNode, "?").fail("check.plain_keys")
                continue
            }
            entries.append(.init(key: key.string, keyNode: keyNode, value: child(valueNode, key.string)))
        }
        return YAMLMapping(field: self, entries: entries)
    }

    /// The node as a list of fields named `path[0]`, `path[1]`…
    func list() -> [YAMLField]? {
        guard case .sequence(let sequence) = node else {
            fail("check.expected_list", ["found": found])
            return nil
        }
        return sequence.enumerated().map { child($1, "[\($0)]") }
    }

    /// A scalar as text, with `${ENV}` substituted.
    func string() -> String? {
        guard case .scalar(let scalar) = node, !isNull else {
            fail("check.expected_text", ["found": found])
            return nil
        }
        // Post-mortems are people's prose and round-trip whatever they hold; configuration must not hide text.
        if diagnostics.substitutesEnvironment, let scalarProblem = Self.invisibleCharacter(in: scalar.string) {
            fail(scalarProblem)
            return nil
        }
        guard diagnostics.substitutesEnvironment else { return scalar.string }
        let (text, unset) = ConfigText.substitute(scalar.string, environment: diagnostics.environment)
        for name in unset {
            fail("check.unset_variable", ["name": "${\(name)}"])
        }
        return unset.isEmpty ? text : nil
    }

    /// Text that must say something: not empty and not only spaces (titles, names).
    func nonEmptyString() -> String? {
        guard let text = string() else { return nil }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            fail("check.empty")
            return nil
        }
        return text
    }

    /// A character nobody types on purpose and that changes what a reader sees or a program reads: a control
    /// character other than tab and line breaks, a byte-order mark, or a bidirectional override.
    static func invisibleCharacter(in text: String) -> ConfigProblem? {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let control = (value < 0x20 && ![0x09, 0x0A, 0x0D].contains(value)) || (0x7F...0x9F).contains(value)
            let invisible = value == 0xFEFF || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
            if control || invisible {
                let code = String(value, radix: 16, uppercase: true)
                return ConfigProblem(
                    "check.invisible_character",
                    ["code": "U+\(String(repeating: "0", count: max(0, 4 - code.count)))\(code)"])
            }
        }
        return nil
    }

    func strings() -> [String]? {
        guard let items = list() else { return nil }
        let values = items.compactMap { $0.string() }
        return values.count == items.count ? values : nil
    }

    func double() -> Double? {
        guard let text = string() else { return nil }
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
            fail("check.expected_number", ["found": "\(text)"])
            return nil
        }
        return value
    }

    func int() -> Int? {
        guard let text = string() else { return nil }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
            fail("check.expected_whole_number", ["found": "\(text)"])
            return nil
        }
        return value
    }

    func bool() -> Bool? {
        guard let text = string() else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            fail("check.expected_bool", ["found": "\(text)"])
            return nil
        }
    }

    func duration() -> Duration? {
        guard let text = string() else { return nil }
        switch ConfigText.parseDuration(text) {
        case .success(let value):
            return value
        case .failure(.malformed):
            fail("check.malformed_duration", ["text": "\(text)"])
        case .failure(.outOfRange):
            fail("check.duration_range", ["text": "\(text)", "most": "\(ConfigText.longestDuration.configText)"])
        }
        return nil
    }

    /// A positive duration (an interval, a timeout, a deadline).
    func positiveDuration() -> Duration? {
        guard let value = duration() else { return nil }
        guard value > .zero else {
            fail("check.positive_duration")
            return nil
        }
        return value
    }

    /// One of a fixed set of words, with a suggestion when the word is a near miss.
    /// - Parameter noun: the catalog key of what the word names (`check.noun.severity`).
    func oneOf<E: CaseIterable & RawRepresentable>(_ type: E.Type, _ noun: String) -> E? where E.RawValue == String {
        guard let text = string() else { return nil }
        if let value = E(rawValue: text) { return value }
        let names = E.allCases.map(\.rawValue)
        var values: [String: ConfigProblem.Value] = [
            "noun": .phrase(ConfigProblem(noun)), "text": "\(text)", "allowed": "\(names.joined(separator: ", "))",
        ]
        if let guess = ConfigText.suggestion(for: text, among: names) {
            values["guess"] = "\(guess)"
            fail("check.unknown_word.guess", values)
        } else {
            fail("check.unknown_word", values)
        }
        return nil
    }

    /// A map of names to text (`labels`, `headers`).
    func stringMap() -> [String: String]? {
        guard let mapping = freeMapping() else { return nil }
        var result: [String: String] = [:]
        for entry in mapping.entries {
            if let value = entry.value.string() { result[entry.key] = value }
        }
        return result
    }
}

/// A mapping being decoded: look fields up by key; a missing required key is reported at the mapping.
struct YAMLMapping {
    struct Entry {
        var key: String
        var keyNode: Node
        var value: YAMLField
    }

    let field: YAMLField
    let entries: [Entry]

    /// The value of `key`, or `nil` (and an issue) when it is missing or empty.
    func required(_ key: String) -> YAMLField? {
        guard let value = optional(key) else {
            field.child(field.node, key).fail("check.required")
            return nil
        }
        return value
    }

    /// The value of `key`, or `nil` when it is missing or written empty.
    func optional(_ key: String) -> YAMLField? {
        guard let entry = entries.first(where: { $0.key == key }), !entry.value.isNull else { return nil }
        return entry.value
    }

    func has(_ key: String) -> Bool { optional(key) != nil }
}
