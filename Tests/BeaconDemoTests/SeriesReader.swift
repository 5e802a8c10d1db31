import BeaconCore
import Foundation

/// Reads a rule's series out of a body the way the monitor will: Prometheus by metric name, JSON by path.
enum SeriesReader {
    /// The numeric value of each series (keyed by the series label's value, or `""`), or `nil` when the body
    /// cannot be read or holds no such metric.
    static func numbers(_ source: Source, in body: String) -> [String: Double]? {
        switch source.format {
        case .prometheus: prometheus(source, body)
        case .json: json(source, body)
        }
    }

    /// The strings at a JSON source's path (`trending[*].title`), or `nil` when unreadable.
    static func strings(_ source: Source, in body: String) -> [String]? {
        guard let path = source.path, let document = parse(body), let values = walk(document, path) else {
            return nil
        }
        let strings = values.compactMap { $0 as? String }
        return strings.count == values.count ? strings : nil
    }

    private static func prometheus(_ source: Source, _ body: String) -> [String: Double]? {
        guard let metric = source.metric, metric.matchers.isEmpty else { return nil }
        for line in body.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            if parts.count == 2, parts[0] == metric.name, let value = Double(parts[1]) { return ["": value] }
        }
        return nil
    }

    private static func json(_ source: Source, _ body: String) -> [String: Double]? {
        guard let path = source.path, let document = parse(body), let values = walk(document, path) else {
            return nil
        }
        let numbers = values.compactMap { ($0 as? NSNumber)?.doubleValue }
        guard numbers.count == values.count, !numbers.isEmpty else { return nil }
        guard let labelPath = source.seriesLabel else {
            return numbers.count == 1 ? ["": numbers[0]] : nil
        }
        guard let labels = walk(document, labelPath)?.compactMap({ $0 as? String }), labels.count == numbers.count
        else { return nil }
        return Dictionary(zip(labels, numbers), uniquingKeysWith: { first, _ in first })
    }

    private static func parse(_ body: String) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(body.utf8))
    }

    private static func walk(_ document: Any, _ path: String) -> [Any]? {
        guard let parsed = try? JSONPath(parsing: path) else { return nil }
        var values: [Any] = [document]
        for segment in parsed.segments {
            var next: [Any] = []
            for value in values {
                switch segment {
                case .key(let key):
                    guard let object = value as? [String: Any], let child = object[key] else { return nil }
                    next.append(child)
                case .index(let index):
                    guard let list = value as? [Any], index < list.count else { return nil }
                    next.append(list[index])
                case .wildcard:
                    guard let list = value as? [Any] else { return nil }
                    next += list
                }
            }
            values = next
        }
        return values
    }
}
