import BeaconCore

/// Follows the segments of a json path (none of them `[*]`) through a parsed document.
enum JSONLookup {
    /// Where a walk ended.
    enum Outcome {
        case found(JSONValue)
        /// An absent key, an index past the end, or null on the way.
        case missing
        /// The segment at `step` met the wrong kind of value: a key applied to a list, say.
        case mismatch(step: Int, found: JSONValue)
    }

    /// Follows `segments` from `value`.
    static func follow(_ segments: ArraySlice<JSONPath.Segment>, from value: JSONValue) -> Outcome {
        var current = value
        for (step, segment) in zip(segments.indices, segments) {
            if case .null = current { return .missing }
            switch segment {
            case .key(let key):
                guard case .object(let object) = current else { return .mismatch(step: step, found: current) }
                guard let next = object[key] else { return .missing }
                current = next
            case .index(let index):
                guard case .array(let list) = current else { return .mismatch(step: step, found: current) }
                guard list.indices.contains(index) else { return .missing }
                current = list[index]
            case .wildcard:
                // Callers split paths at their one [*] and walk each item; a second one finds nothing.
                return .missing
            }
        }
        if case .null = current { return .missing }
        return .found(current)
    }

    /// Follows `segments`, which lead to something every series depends on, so a wrong shape fails the body.
    /// - Returns: the value, or `nil` when it is missing.
    /// - Throws: ``ExtractionError`` saying which part of the path met what (`expected "payments" to be an object,
    ///   found a number`).
    static func require(
        _ segments: ArraySlice<JSONPath.Segment>, from value: JSONValue
    ) throws(ExtractionError) -> JSONValue? {
        switch follow(segments, from: value) {
        case .found(let value): return value
        case .missing: return nil
        case .mismatch(let step, let found): throw mismatch(segments[step], at: segments[..<step], found: found)
        }
    }

    /// Requires a list at the end of `segments`, for `[*]` or a list of strings.
    /// - Returns: the list, or `nil` when it is missing.
    static func requireList(
        _ segments: ArraySlice<JSONPath.Segment>, from value: JSONValue
    ) throws(ExtractionError) -> [JSONValue]? {
        guard let found = try require(segments, from: value) else { return nil }
        guard case .array(let list) = found else { throw mismatch(.wildcard, at: segments, found: found) }
        return list
    }

    private static func mismatch(
        _ segment: JSONPath.Segment, at prefix: ArraySlice<JSONPath.Segment>, found: JSONValue
    ) -> ExtractionError {
        let expected =
            switch segment {
            case .key: "an object"
            case .index, .wildcard: "a list"
            }
        let place = prefix.isEmpty ? "the document" : "\"\(render(prefix))\""
        return .body("expected \(place) to be \(expected), found \(found.kind)")
    }

    /// Segments written as in configuration: `payments.success_rate`, `items[0]`, `["odd.key"]`.
    static func render(_ segments: some Collection<JSONPath.Segment>) -> String {
        var text = ""
        for segment in segments {
            switch segment {
            case .key(let key) where key.contains(where: { ".[]\"".contains($0) }) || key.isEmpty:
                text += "[\"\(key)\"]"
            case .key(let key):
                text += text.isEmpty ? key : ".\(key)"
            case .index(let index):
                text += "[\(index)]"
            case .wildcard:
                text += "[*]"
            }
        }
        return text
    }
}
