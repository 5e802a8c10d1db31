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
/// Bodies are parsed by `JSONSerialization`: invalid json, nesting deeper than 512 levels and numbers beyond a
/// double's range fail the body; size is bounded upstream by the source's `max_bytes`.
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
        let split = try SplitPath(path)
        guard split.wildcard else {
            if let seriesLabel {
                throw .source("series_label \"\(seriesLabel)\" names the items of a [*] path, but \"\(path)\" has none")
            }
            let document = try JSONDocument.parse(body)
            guard let found = try JSONLookup.require(split.prefix, from: document),
                let value = JSONDocument.number(found)
            else { return JSONValues(series: [], missingCount: 1) }
            return JSONValues(series: [SeriesValue(value: value)], missingCount: 0)
        }
        guard let seriesLabel else {
            throw .source("a [*] path yields one series per item; name them with series_label (such as items[*].sku)")
        }
        let label = try SeriesLabel(seriesLabel, fitting: split, of: path)
        let document = try JSONDocument.parse(body)
        guard let items = try JSONLookup.requireList(split.prefix, from: document) else {
            return JSONValues(series: [], missingCount: 0)
        }
        return values(of: items, at: split.suffix, labelledBy: label)
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
        let split = try SplitPath(path)
        let document = try JSONDocument.parse(body)
        guard let items = try JSONLookup.requireList(split.prefix, from: document) else { return [] }
        return items.map { item in
            guard case .found(let value) = JSONLookup.follow(split.suffix, from: item) else { return "" }
            return JSONDocument.text(value) ?? ""
        }
    }

    private static func values(
        of items: [Any], at suffix: ArraySlice<JSONPath.Segment>, labelledBy label: SeriesLabel
    ) -> JSONValues {
        var result = JSONValues(series: [], missingCount: 0)
        result.series.reserveCapacity(items.count)
        for item in items {
            guard case .found(let found) = JSONLookup.follow(suffix, from: item),
                let value = JSONDocument.number(found),
                case .found(let name) = JSONLookup.follow(label.suffix, from: item), let text = JSONDocument.text(name)
            else {
                result.missingCount += 1
                continue
            }
            result.series.append(SeriesValue(labels: Labels([label.name: text]), value: value))
        }
        return result
    }
}
