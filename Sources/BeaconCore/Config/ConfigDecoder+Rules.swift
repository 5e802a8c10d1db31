import Foundation

extension ConfigDecoder {
    static let ruleKeys = [
        "id", "title", "description", "category", "source", "condition", "for", "resolve_after", "playbook", "labels",
        "unit",
    ]

    /// Decodes a rule file: `rules:` and a list of rules.
    func ruleFile(_ root: YAMLField) -> [Rule] {
        guard let file = root.mapping(keys: ["rules"]), let list = file.required("rules")?.list() else { return [] }
        return list.compactMap(rule)
    }

    func rule(_ field: YAMLField) -> Rule? {
        guard let mapping = field.mapping(keys: Self.ruleKeys) else { return nil }
        let id = mapping.required("id").flatMap { identifier($0, kind: "rule") }
        let title = mapping.required("title")?.nonEmptyString()
        let category = mapping.required("category")?.oneOf(Category.self, "check.noun.category")
        let source = mapping.required("source").flatMap(source)
        let condition = mapping.required("condition").flatMap(condition)
        let forDuration = value(mapping, "for", default: .zero) { $0.duration() }
        let resolveAfter = value(mapping, "resolve_after", default: .seconds(60)) { $0.duration() }
        let labels = value(mapping, "labels", default: [:]) { $0.stringMap() }
        let unit = optionalValue(mapping, "unit") { field -> ValueUnit? in
            field.nonEmptyString().map(ValueUnit.init(name:))
        }
        let playbook = optionalValue(mapping, "playbook") { field -> String? in
            guard let id = field.string() else { return nil }
            diagnostics.refer(to: "playbook", id, at: field)
            return id
        }
        if let source, let condition, let sourceField = mapping.optional("source") {
            checkShape(source, condition, source: sourceField, condition: mapping.optional("condition"))
        }
        guard let id, let title, let category, let source, let condition, let forDuration, let resolveAfter,
            let labels, let playbook, let unit
        else { return nil }
        return Rule(
            id: RuleID(id), title: title, category: category, source: source, condition: condition,
            forDuration: forDuration, resolveAfter: resolveAfter, playbook: playbook, labels: labels,
            location: field.location, unit: unit)
    }

    /// Checks that the source can feed the condition: a list for `contains`, named series for a `[*]` path.
    private func checkShape(
        _ source: Source, _ condition: Condition, source sourceField: YAMLField, condition conditionField: YAMLField?
    ) {
        let fields = sourceField.freeMapping()
        if case .contains = condition, source.format == .prometheus {
            (conditionField?.freeMapping()?.optional("kind") ?? sourceField).fail("check.contains_needs_json")
        }
        guard source.format == .json, let text = source.path, let pathField = fields?.optional("path") else { return }
        let listPrefix = text.range(of: "[*]").map { String(text[..<$0.upperBound]) }
        if let label = source.seriesLabel, let labelField = fields?.optional("series_label") {
            guard let listPrefix else {
                labelField.fail("check.series_label_without_wildcard", ["path": "\(text)"])
                return
            }
            if !label.hasPrefix(listPrefix + ".") {
                labelField.fail("check.series_label_prefix", ["prefix": "\(listPrefix)."])
            }
            return
        }
        if case .contains = condition { return }
        if listPrefix != nil {
            pathField.fail("check.wildcard_needs_label")
        }
    }

    static let sourceKeys = [
        "url", "format", "metric", "path", "series_label", "interval", "timeout", "headers", "max_bytes",
    ]

    func source(_ field: YAMLField) -> Source? {
        guard let mapping = field.mapping(keys: Self.sourceKeys) else { return nil }
        let url = mapping.required("url").flatMap(httpURL)
        let format = mapping.required("format")?.oneOf(SourceFormat.self, "check.noun.format")
        var metric: MetricSelector?? = .some(nil)
        var path: String?? = .some(nil)
        var seriesLabel: String?? = .some(nil)
        switch format {
        case .prometheus:
            metric = mapping.required("metric").flatMap(metricSelector).map { .some($0) }
            forbid(mapping, ["path", "series_label"], reason: ConfigProblem("check.only_json"))
        case .json:
            path = mapping.required("path").flatMap(jsonPath).map { .some($0) }
            seriesLabel = optionalValue(mapping, "series_label", jsonPath)
            forbid(mapping, ["metric"], reason: ConfigProblem("check.only_prometheus"))
        case nil:
            break
        }
        let interval = value(mapping, "interval", default: .seconds(15)) { $0.positiveDuration() }
        let timeout = value(mapping, "timeout", default: .seconds(3)) { $0.positiveDuration() }
        let headers = value(mapping, "headers", default: [:]) { $0.stringMap() }
        let maxBytes = value(mapping, "max_bytes", default: Source.defaultMaxBytes, byteSize)
        if let interval, let timeout, timeout >= interval {
            (mapping.optional("timeout") ?? mapping.field.child(mapping.field.node, "timeout")).fail(
                "check.timeout_interval", ["timeout": "\(timeout.configText)", "interval": "\(interval.configText)"])
        }
        guard let url, let format, let metric, let path, let seriesLabel, let interval, let timeout, let headers,
            let maxBytes, timeout < interval
        else { return nil }
        return Source(
            url: url, format: format, metric: metric, path: path, seriesLabel: seriesLabel, interval: interval,
            timeout: timeout, headers: headers, maxBytes: maxBytes)
    }

    func httpURL(_ field: YAMLField) -> String? {
        guard let text = field.string() else { return nil }
        let lower = text.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), text.count > 8 else {
            field.fail("check.expected_http_url", ["found": "\(text)"])
            return nil
        }
        return wellFormedURL(field, text)
    }

    /// The URL if it has no spaces or control characters and names a host; otherwise `nil` and an issue.
    func wellFormedURL(_ field: YAMLField, _ text: String) -> String? {
        if text.unicodeScalars.contains(where: { CharacterSet.whitespacesAndNewlines.contains($0) }) {
            field.fail("check.url_spaces")
            return nil
        }
        guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
            field.fail("check.malformed_url", ["text": "\(text)"])
            return nil
        }
        return text
    }

    func metricSelector(_ field: YAMLField) -> MetricSelector? {
        guard let text = field.string() else { return nil }
        do {
            return try MetricSelectorParser.parse(text)
        } catch {
            field.fail("check.malformed_selector", ["text": "\(text)", "detail": .phrase(error.problem)])
            return nil
        }
    }

    func jsonPath(_ field: YAMLField) -> String? {
        guard let text = field.string() else { return nil }
        if let problem = JSONPathSyntax.problem(in: text) {
            field.fail("check.malformed_path", ["text": "\(text)", "detail": .phrase(problem)])
            return nil
        }
        return text
    }

    /// A byte count: `65536`, `512KiB`, `1MiB`.
    func byteSize(_ field: YAMLField) -> Int? {
        guard let text = field.string() else { return nil }
        let units: [(String, Int)] = [("KiB", 1 << 10), ("MiB", 1 << 20), ("GiB", 1 << 30), ("", 1)]
        for (suffix, scale) in units where text.hasSuffix(suffix) {
            guard let amount = Int(text.dropLast(suffix.count)), amount > 0 else { continue }
            let (bytes, overflow) = amount.multipliedReportingOverflow(by: scale)
            guard !overflow, bytes <= Source.largestMaxBytes else {
                field.fail("check.size_range", ["text": "\(text)", "most": "\(Source.largestMaxBytes >> 20)MiB"])
                return nil
            }
            return bytes
        }
        field.fail("check.expected_size", ["found": "\(text)"])
        return nil
    }
}
