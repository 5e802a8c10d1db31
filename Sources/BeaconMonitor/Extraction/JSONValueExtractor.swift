public import BeaconCore

/// Reads values from a json body along a ``JSONPath``.
///
/// A plain path (`payments.success_rate`, `items[0].count`) gives one value with no labels. A path with `[*]`
/// (`items[*].count`) gives one value per item of that list, each labelled from the item's `series_label`
/// (`items[*].sku` → `sku="A17"`). Numbers, numeric strings (`"0.93"`) and booleans (1 and 0) are values; anything
/// else is missing and skipped (see ``JSONValues/missingCount``).
///
/// The part of a path that leads to the value (or, for `[*]`, to the list) must meet the kinds of values it names:
/// a key applied to a number fails the body with a reason. Inside the items of a list, a wrong shape only makes
/// that item missing, so one odd item does not hide the others.
///
/// Bodies are parsed by ``JSONParser``: invalid json, nesting deeper than 512 levels and numbers beyond a double's
/// range fail the body; size is bounded upstream by the source's `max_bytes`.
public enum JSONValueExtractor {
    /// The values at `path`.
    /// - Parameters:
    ///   - path: where the values are; at most one `[*]`.
    ///   - seriesLabel: for a `[*]` path, a path into the same list that names each series; the label is called
    ///     after its last key (`sku`).
    /// - Throws: ``ExtractionError`` for invalid json, a wrong shape on the way to the values, or a `seriesLabel`
    ///   that does not fit `path`.
    public static func values(
        in body: some Collection<UInt8>, at path: JSONPath, seriesLabel: JSONPath? = nil
    ) throws(ExtractionError) -> JSONValues {
        try ValuePlan(path: path, seriesLabel: seriesLabel).values(in: body)
    }

    /// A value path and its series label, checked once, to read many bodies with.
    struct ValuePlan: Sendable {
        let split: SplitPath
        let label: SeriesLabel?

        /// - Throws: ``ExtractionError`` for a `seriesLabel` that does not fit `path`, or a `[*]` without one.
        init(path: JSONPath, seriesLabel: JSONPath?) throws(ExtractionError) {
            split = try SplitPath(path)
            guard split.wildcard else {
                if let seriesLabel {
                    throw .source(
                        "series_label \"\(seriesLabel)\" names the items of a [*] path, but \"\(path)\" has none")
                }
                label = nil
                return
            }
            guard let seriesLabel else {
                throw .source(
                    "a [*] path yields one series per item; name them with series_label (such as items[*].sku)")
            }
            label = try SeriesLabel(seriesLabel, fitting: split, of: path)
        }

        /// - Throws: ``ExtractionError`` for invalid json or a wrong shape on the way to the values.
        func values(in body: some Collection<UInt8>) throws(ExtractionError) -> JSONValues {
            let document = try JSONParser.parse(body)
            guard let label else {
                guard let found = try JSONLookup.require(split.prefix, from: document), let value = found.number
                else { return JSONValues(series: [], missingCount: 1) }
                return JSONValues(series: [SeriesValue(value: value)], missingCount: 0)
            }
            guard let items = try JSONLookup.requireList(split.prefix, from: document) else {
                return JSONValues(series: [], missingCount: 0)
            }
            return JSONValueExtractor.values(of: items, at: split.suffix, labelledBy: label)
        }
    }

    /// The texts of the list at `path`, in order: `trending[*].title`, or `trending` when it holds plain strings.
    ///
    /// An item with no text (null, an object, a missing key) keeps its place as an empty string, so that an
    /// item's position in the list stays its rank. Numbers and booleans are given as written.
    /// - Returns: the texts; empty when the list itself is missing.
    /// - Throws: ``ExtractionError`` for invalid json or a wrong shape on the way to the list.
    public static func strings(
        in body: some Collection<UInt8>, at path: JSONPath
    ) throws(ExtractionError) -> [String] {
        try strings(in: body, along: try SplitPath(path))
    }

    static func strings(in body: some Collection<UInt8>, along split: SplitPath) throws(ExtractionError) -> [String] {
        let document = try JSONParser.parse(body)
        guard let items = try JSONLookup.requireList(split.prefix, from: document) else { return [] }
        return items.map { item in
            guard case .found(let value) = JSONLookup.follow(split.suffix, from: item) else { return "" }
            return value.text ?? ""
        }
    }

    private static func values(
        of items: [JSONValue], at suffix: ArraySlice<JSONPath.Segment>, labelledBy label: SeriesLabel
    ) -> JSONValues {
        var result = JSONValues(series: [], missingCount: 0)
        result.series.reserveCapacity(items.count)
        for item in items {
            guard case .found(let found) = JSONLookup.follow(suffix, from: item),
                let value = found.number,
                case .found(let name) = JSONLookup.follow(label.suffix, from: item), let text = name.text
            else {
                result.missingCount += 1
                continue
            }
            result.series.append(SeriesValue(labels: Labels([label.name: text]), value: value))
        }
        return result
    }
}
