import Foundation

/// A request body as a tree of values to look things up in: a JSON object, form fields, or plain text.
struct DemoRequestBody: @unchecked Sendable {
    // `@unchecked`: `fields` holds only what JSONSerialization produces (strings, numbers, arrays, dictionaries,
    // NSNull), never mutated after init.

    /// The body decoded as UTF-8 (invalid bytes replaced).
    let text: String
    /// The JSON object or the form's fields; empty for plain text.
    let fields: [String: Any]
    let isJSON: Bool

    /// - Parameter contentType: the request's `Content-Type`, which tells a form from plain text.
    init(_ bytes: [UInt8], contentType: String?) {
        text = String(decoding: bytes, as: UTF8.self)
        if let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] {
            fields = object
            isJSON = true
            return
        }
        isJSON = false
        let type = contentType?.lowercased() ?? ""
        let looksLikeForm = !text.contains(" ") && !text.contains("\n") && text.contains("=")
        if type.contains("x-www-form-urlencoded") || (!type.contains("text/plain") && looksLikeForm) {
            fields = Self.form(text)
        } else {
            fields = [:]
        }
    }

    /// The value at a path of keys (`["markdown", "text"]`).
    func value(at path: [String]) -> Any? {
        var current: Any? = fields
        for key in path {
            guard let object = current as? [String: Any] else { return nil }
            current = object[key]
        }
        return current
    }

    /// The string (or number) at a path; nil when absent, null or empty.
    func string(at path: String...) -> String? { stringValue(at: path) }

    /// The first string found at any of `paths`.
    func firstString(_ paths: [[String]]) -> String? {
        for path in paths {
            if let text = stringValue(at: path) { return text }
        }
        return nil
    }

    /// The strings of an array at a path (`at.atMobiles`), or the one string there.
    func strings(at path: String...) -> [String] {
        switch value(at: path) {
        case let list as [Any]: list.compactMap { ($0 as? String) ?? ($0 as? NSNumber)?.stringValue }
        case let text as String: text.isEmpty ? [] : [text]
        default: []
        }
    }

    /// Whether the top level has `key`.
    func has(_ key: String) -> Bool { fields[key] != nil }

    private func stringValue(at path: [String]) -> String? {
        switch value(at: path) {
        case let text as String: text.isEmpty ? nil : text
        case let number as NSNumber: number.stringValue
        default: nil
        }
    }

    /// `a=1&b=two+words` as fields, percent-decoded; the first of a repeated name wins.
    private static func form(_ text: String) -> [String: Any] {
        var fields: [String: Any] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (part: Substring) in
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
            }
            let name = decode(parts[0])
            if fields[name] == nil { fields[name] = parts.count > 1 ? decode(parts[1]) : "" }
        }
        return fields
    }
}
