import BeaconCore

/// How each item of a `[*]` list is named: a label name, and where its value sits in the item.
struct SeriesLabel: Sendable {
    /// The last key of the `series_label` path: `sku` for `items[*].sku`.
    var name: String
    var suffix: ArraySlice<JSONPath.Segment>

    /// - Throws: ``ExtractionError`` when `path` does not lead into the same list as the value path, or has no key
    ///   to name the label after.
    init(_ path: JSONPath, fitting value: SplitPath, of valuePath: JSONPath) throws(ExtractionError) {
        let split = try SplitPath(path)
        guard split.wildcard, split.prefix.elementsEqual(value.prefix) else {
            let list = JSONLookup.render(value.prefix) + "[*]"
            throw .source(
                "series_label \"\(path)\" must point into the same list as path \"\(valuePath)\" (start with \(list))")
        }
        let lastKey = path.segments.lazy.compactMap { segment -> String? in
            if case .key(let key) = segment { return key }
            return nil
        }.last
        guard let lastKey else { throw .source("series_label \"\(path)\" has no key to name the label after") }
        name = lastKey
        suffix = split.suffix
    }
}
