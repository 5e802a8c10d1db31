extension ConfigDecoder {
    func condition(_ field: YAMLField) -> Condition? {
        guard let mapping = field.mapping(keys: ["kind", "op", "levels", "window", "keywords", "severity"]),
            let kind = mapping.required("kind")?.oneOf(ConditionKind.self, "check.noun.condition_kind")
        else { return nil }
        let unused = ["op", "levels", "window", "keywords", "severity"].filter { !kind.keys.contains($0) }
        forbid(mapping, unused, reason: ConfigProblem("check.unused_by_condition", ["kind": "\(kind.rawValue)"]))
        switch kind {
        case .threshold: return threshold(mapping)
        case .change: return change(mapping)
        case .contains: return contains(mapping)
        case .absent:
            return mapping.required("severity")?.oneOf(Severity.self, "check.noun.severity").map(Condition.absent)
        }
    }

    private func threshold(_ mapping: YAMLMapping) -> Condition? {
        let op = mapping.required("op")?.oneOf(ComparisonOperator.self, "check.noun.op")
        let levelsField = mapping.required("levels")
        let levels = levelsField.flatMap { readLevels($0) { $0.double() } }
        guard let op, let levels, let levelsField else { return nil }
        checkOrder(
            levels, at: levelsField, worseIsLarger: op.worseIsLarger, opName: op.rawValue, key: { $0 },
            show: { $0.formatted(maxFractionDigits: 6) })
        return .threshold(op: op, levels: levels)
    }

    private func change(_ mapping: YAMLMapping) -> Condition? {
        let window = mapping.required("window")?.positiveDuration()
        let op = mapping.required("op")?.oneOf(ComparisonOperator.self, "check.noun.op")
        let levelsField = mapping.required("levels")
        let levels = levelsField.flatMap { readLevels($0, changeAmount) }
        guard let window, let op, let levels, let levelsField else { return nil }
        checkOrder(
            levels, at: levelsField, worseIsLarger: op.worseIsLarger, opName: op.rawValue, key: \.ratio,
            show: \.description)
        return .change(window: window, op: op, levels: levels)
    }

    private func changeAmount(_ field: YAMLField) -> ChangeAmount? {
        guard let text = field.string() else { return nil }
        guard let amount = ConfigText.changeAmount(text) else {
            field.fail("check.malformed_change", ["text": "\(text)"])
            return nil
        }
        return amount
    }

    private func contains(_ mapping: YAMLMapping) -> Condition? {
        let keywordsField = mapping.required("keywords")
        let keywords = keywordsField?.strings()
        if let keywords, keywords.isEmpty { keywordsField?.fail("check.no_keywords") }
        let levelsField = mapping.required("levels")
        let levels = levelsField.flatMap { readLevels($0, topCount) }
        guard let keywords, !keywords.isEmpty, let levels, let levelsField else { return nil }
        let present = Severity.worstFirst.compactMap { severity in levels[severity].map { (severity, $0) } }
        for (worse, better) in zip(present, present.dropFirst()) where worse.1 >= better.1 {
            levelsField.fail(
                "check.contains_order",
                [
                    "worse": "\(worse.0.rawValue)", "worse_top": "\(worse.1)", "better": "\(better.0.rawValue)",
                    "better_top": "\(better.1)",
                ])
        }
        return .contains(keywords: keywords, levels: levels)
    }

    /// The N of "within the first N items".
    private func topCount(_ field: YAMLField) -> Int? {
        guard let count = field.int() else { return nil }
        guard count > 0 else {
            field.fail("check.top_count")
            return nil
        }
        return count
    }
}

extension ConditionKind {
    /// The keys a condition of this kind is written with, besides `kind`.
    var keys: [String] {
        switch self {
        case .threshold: ["op", "levels"]
        case .change: ["window", "op", "levels"]
        case .contains: ["keywords", "levels"]
        case .absent: ["severity"]
        }
    }
}
