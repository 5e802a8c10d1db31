import Yams

/// Limits that keep reading a YAML file bounded in time and memory, whatever the file holds.
///
/// Yams expands every alias into a copy of its anchor's node and hashes mapping keys to find duplicates, so a few
/// nested anchors used as keys ("billion laughs") cost exponential time before any decoding starts. The text is
/// therefore checked before it is composed, and the composed tree is measured before it is decoded.
enum YAMLBounds {
    /// The largest configuration or post-mortem file read: far above any real one.
    static let maxFileBytes = 1 << 20
    /// The most nodes a file may stand for once its aliases are expanded.
    static let maxExpandedNodes = 100_000

    /// The first reason the text must not be composed at all, with its 1-based line.
    static func problem(in text: String) -> (line: Int, problem: ConfigProblem)? {
        if text.utf8.count > maxFileBytes {
            return (1, ConfigProblem("check.file_too_large", ["most": "\(maxFileBytes >> 10) KiB"]))
        }
        let bytes = Array(text.utf8)
        return byteOrderMark(in: text) ?? nestsTooDeep(in: bytes) ?? aliasUsedAsKey(in: bytes)
    }

    /// A byte-order mark anywhere but at the very start of the file, written or escaped (`\\uFEFF`). The YAML
    /// reader drops one at the start of a value without a word, so this is the only place it can be seen.
    private static func byteOrderMark(in text: String) -> (line: Int, problem: ConfigProblem)? {
        let scalars = text.unicodeScalars
        let body = scalars.first == "\u{FEFF}" ? scalars.index(after: scalars.startIndex) : scalars.startIndex
        let written = scalars[body...].firstIndex(of: "\u{FEFF}")
        let escaped = text.range(of: "\\ufeff", options: .caseInsensitive)?.lowerBound
        guard let found = [written, escaped].compactMap({ $0 }).min() else { return nil }
        let line = 1 + text.unicodeScalars[..<found].lazy.filter { $0 == "\n" }.count
        return (line, ConfigProblem("check.invisible_character", ["code": "U+FEFF"]))
    }

    /// An alias (`*name`) written where a mapping key goes: after `?`, or followed by `:`.
    ///
    /// A lexical scan, so it only counts aliases naming an anchor the file defines; text that merely looks like
    /// one inside a quoted or block scalar is not mistaken for it unless the file also anchors that name.
    private static func aliasUsedAsKey(in bytes: [UInt8]) -> (line: Int, problem: ConfigProblem)? {
        let anchors = names(after: UInt8(ascii: "&"), in: bytes)
        guard !anchors.isEmpty else { return nil }
        var line = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") { line += 1 }
            guard byte == UInt8(ascii: "*"), isTokenStart(bytes, index) else {
                index += 1
                continue
            }
            let name = nameBytes(bytes, from: index + 1)
            let end = index + 1 + name.count
            if !name.isEmpty, anchors.contains(name),
                precededByQuestionMark(bytes, index) || followedByColon(bytes, end)
            {
                let text = String(decoding: name, as: UTF8.self)
                return (line, ConfigProblem("check.alias_key", ["alias": "*\(text)"]))
            }
            index = max(end, index + 1)
        }
        return nil
    }

    private static func names(after sigil: UInt8, in bytes: [UInt8]) -> Set<[UInt8]> {
        var found: Set<[UInt8]> = []
        for index in bytes.indices where bytes[index] == sigil && isTokenStart(bytes, index) {
            let name = nameBytes(bytes, from: index + 1)
            if !name.isEmpty { found.insert(name) }
        }
        return found
    }

    /// libyaml's anchor names: letters, digits, `-` and `_`.
    private static func nameBytes(_ bytes: [UInt8], from start: Int) -> [UInt8] {
        var end = start
        while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
        return Array(bytes[start..<end])
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "_")
    }

    private static func isTokenStart(_ bytes: [UInt8], _ index: Int) -> Bool {
        guard index > 0 else { return true }
        return [
            UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "["),
            UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "-"),
        ]
        .contains(bytes[index - 1])
    }

    private static func precededByQuestionMark(_ bytes: [UInt8], _ index: Int) -> Bool {
        var position = index - 1
        while position >= 0,
            [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")]
                .contains(bytes[position])
        {
            position -= 1
        }
        return position >= 0 && bytes[position] == UInt8(ascii: "?")
    }

    private static func followedByColon(_ bytes: [UInt8], _ end: Int) -> Bool {
        var position = end
        while position < bytes.count, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") {
            position += 1
        }
        guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return false }
        let next = position + 1
        return next == bytes.count
            || [
                UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: ","),
                UInt8(ascii: "}"),
            ].contains(bytes[next])
    }

    /// Whether the tree, with every alias expanded, has more than `maxExpandedNodes` nodes.
    ///
    /// Yams keeps no link from a copy back to its anchor once parsing ends, so the walk counts copies as they come
    /// and stops as soon as the budget is spent: it never takes more than `maxExpandedNodes` steps.
    static func expandsTooFar(_ root: Node) -> Bool {
        var remaining = maxExpandedNodes
        return !visit(root, remaining: &remaining)
    }

    private static func visit(_ node: Node, remaining: inout Int) -> Bool {
        remaining -= 1
        guard remaining >= 0 else { return false }
        switch node {
        case .scalar, .alias:
            return true
        case .sequence(let sequence):
            return sequence.allSatisfy { visit($0, remaining: &remaining) }
        case .mapping(let mapping):
            return mapping.allSatisfy { visit($0.key, remaining: &remaining) && visit($0.value, remaining: &remaining) }
        }
    }

    /// The deepest nesting a file may have: each level is a recursion in the YAML composer and in decoding.
    static let maxDepth = 128

    /// The line where the text may nest deeper than `maxDepth`. The estimate is lexical and generous to real
    /// files: open flow brackets, plus on each line its indentation and every `- `, `? ` and `: ` (each can open
    /// a block collection on the same line). Quotes and comments are not told apart: no real file comes near it.
    private static func nestsTooDeep(in bytes: [UInt8]) -> (line: Int, problem: ConfigProblem)? {
        var flowDepth = 0
        var line = 1
        var lineDepth = 0
        var indenting = true
        for (index, byte) in bytes.enumerated() {
            let next = index + 1 < bytes.count ? bytes[index + 1] : UInt8(ascii: " ")
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1
                lineDepth = 0
                indenting = true
                continue
            case UInt8(ascii: " ") where indenting:
                lineDepth += 1
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                flowDepth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                flowDepth = max(0, flowDepth - 1)
            default:
                let opensBlock = byte == UInt8(ascii: "-") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: ":")
                if opensBlock, next == UInt8(ascii: " ") { lineDepth += 1 }
            }
            if byte != UInt8(ascii: " ") { indenting = false }
            if flowDepth + lineDepth > maxDepth {
                return (line, ConfigProblem("check.too_deep", ["most": "\(maxDepth)"]))
            }
        }
        return nil
    }
}
