import BeaconCore

/// A json path cut at its `[*]`: the way to the list, and the way from each item to its value.
///
/// A path without `[*]` is all prefix.
struct SplitPath: Sendable {
    var prefix: ArraySlice<JSONPath.Segment>
    var suffix: ArraySlice<JSONPath.Segment>
    var wildcard: Bool

    /// - Throws: ``ExtractionError`` for more than one `[*]`, which configuration checks refuse.
    init(_ path: JSONPath) throws(ExtractionError) {
        let segments = path.segments[...]
        guard let star = segments.firstIndex(of: .wildcard) else {
            (prefix, suffix, wildcard) = (segments, [], false)
            return
        }
        guard !segments[(star + 1)...].contains(.wildcard) else {
            throw .source("path \"\(path)\" has more than one [*]; only one is supported")
        }
        (prefix, suffix, wildcard) = (segments[..<star], segments[(star + 1)...], true)
    }
}
