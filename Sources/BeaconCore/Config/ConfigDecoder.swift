/// Decodes parsed YAML into the configuration model, reporting every problem into `diagnostics`.
struct ConfigDecoder {
    let diagnostics: ConfigDiagnostics

    /// An id that must be kebab-case and unique among ids of its kind.
    func identifier(_ field: YAMLField, kind: String) -> String? {
        guard let id = field.string() else { return nil }
        guard ConfigText.isKebabCase(id) else {
            field.fail("check.kebab_case", ["kind": .noun(kind), "id": "\(id)"])
            return nil
        }
        diagnostics.define(kind, id, at: field)
        return id
    }

    /// The value of an optional key: `fallback` when absent, `nil` (with an issue) when present but wrong.
    func value<T>(_ mapping: YAMLMapping, _ key: String, default fallback: T, _ read: (YAMLField) -> T?) -> T? {
        guard let field = mapping.optional(key) else { return fallback }
        return read(field)
    }

    /// The value of an optional key that has no default.
    func optionalValue<T>(_ mapping: YAMLMapping, _ key: String, _ read: (YAMLField) -> T?) -> T?? {
        guard let field = mapping.optional(key) else { return .some(nil) }
        return read(field).map { .some($0) }
    }

    /// Reports `key` as misplaced if present: it belongs to another kind of thing.
    func forbid(_ mapping: YAMLMapping, _ keys: [String], reason: ConfigProblem) {
        for key in keys {
            guard let entry = mapping.entries.first(where: { $0.key == key }) else { continue }
            mapping.field.child(entry.keyNode, key).fail(reason)
        }
    }

    /// Severity levels of a condition: a mapping of `sev1`…`sev4` to values read by `read`.
    func readLevels<T>(_ field: YAMLField, _ read: (YAMLField) -> T?) -> [Severity: T]? {
        guard let mapping = field.freeMapping() else { return nil }
        guard !mapping.entries.isEmpty else {
            field.fail("check.no_levels")
            return nil
        }
        var levels: [Severity: T] = [:]
        var valid = true
        for entry in mapping.entries {
            guard let severity = Severity(rawValue: entry.key) else {
                field.child(entry.keyNode, entry.key).fail("check.unknown_level", ["text": "\(entry.key)"])
                valid = false
                continue
            }
            if let value = read(entry.value) { levels[severity] = value } else { valid = false }
        }
        return valid ? levels : nil
    }

    /// Checks that levels worsen with severity: for `<`, sev1's level is below sev2's, and so on.
    func checkOrder<T>(
        _ levels: [Severity: T], at field: YAMLField, worseIsLarger: Bool, opName: String,
        key: (T) -> Double, show: (T) -> String
    ) {
        let present = Severity.worstFirst.compactMap { severity in levels[severity].map { (severity, $0) } }
        for (worse, better) in zip(present, present.dropFirst()) {
            let ordered = worseIsLarger ? key(worse.1) > key(better.1) : key(worse.1) < key(better.1)
            guard !ordered else { continue }
            field.fail(
                worseIsLarger ? "check.levels_above" : "check.levels_below",
                [
                    "op": "\(opName)", "worse": "\(worse.0.rawValue)", "worse_value": "\(show(worse.1))",
                    "better": "\(better.0.rawValue)", "better_value": "\(show(better.1))",
                ])
        }
    }
}
