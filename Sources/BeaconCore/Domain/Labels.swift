/// The labels that tell the series of one rule apart (`sku="A17"`, `region="east"`).
///
/// Stored sorted by name so that equal label sets render and hash identically.
public struct Labels: Sendable, Hashable, Codable, Sequence, CustomStringConvertible {
    public private(set) var pairs: [(name: String, value: String)]

    public init(_ dictionary: [String: String] = [:]) {
        pairs = dictionary.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
    }

    public subscript(name: String) -> String? { pairs.first { $0.name == name }?.value }

    public var isEmpty: Bool { pairs.isEmpty }

    public var dictionary: [String: String] {
        Dictionary(pairs.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    public func makeIterator() -> some IteratorProtocol<(name: String, value: String)> { pairs.makeIterator() }

    /// `{region="east",sku="A17"}`, or the empty string when there are no labels.
    public var description: String {
        guard !pairs.isEmpty else { return "" }
        let body = pairs.map { "\($0.name)=\"\(Self.escape($0.value))\"" }.joined(separator: ",")
        return "{\(body)}"
    }

    private static func escape(_ value: String) -> String {
        // Fingerprints are built on every poll; most values need no escaping.
        guard value.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") || $0 == 0x0A }) else {
            return value
        }
        return value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    public static func == (lhs: Labels, rhs: Labels) -> Bool {
        lhs.pairs.elementsEqual(rhs.pairs) { $0.name == $1.name && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        for pair in pairs {
            hasher.combine(pair.name)
            hasher.combine(pair.value)
        }
    }

    public init(from decoder: any Decoder) throws {
        self.init(try [String: String](from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try dictionary.encode(to: encoder)
    }
}
