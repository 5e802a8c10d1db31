import Foundation

/// Parses an HTTP/1.1 response from the bytes received so far.
enum RawHTTPParser {
    /// The response, or `nil` when more bytes are needed.
    /// - Parameter complete: whether the connection has closed (a body without length then ends here).
    static func parse(_ bytes: [UInt8], complete: Bool) throws -> RawHTTPResponse? {
        guard let headEnd = find([13, 10, 13, 10], in: bytes, from: 0) else { return nil }
        let lines = String(decoding: bytes[..<headEnd], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, statusParts[0].hasPrefix("HTTP/1."), let status = Int(statusParts[1]) else {
            throw RawHTTPError(code: .malformed, description: "bad status line \"\(lines[0])\"")
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        let rest = Array(bytes[(headEnd + 4)...])
        let body: [UInt8]?
        if headers["transfer-encoding"]?.lowercased() == "chunked" {
            body = try dechunk(rest)
        } else if let length = headers["content-length"].flatMap({ Int($0) }) {
            body = rest.count >= length ? Array(rest[..<length]) : nil
        } else {
            body = complete ? rest : nil
        }
        return body.map { RawHTTPResponse(status: status, headers: headers, body: $0) }
    }

    /// The body of a chunked transfer, or `nil` until the last chunk has arrived.
    static func dechunk(_ bytes: [UInt8]) throws -> [UInt8]? {
        var body: [UInt8] = []
        var index = 0
        for _ in 0..<(bytes.count + 1) {
            guard let lineEnd = find([13, 10], in: bytes, from: index) else { return nil }
            let sizeText = String(decoding: bytes[index..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                throw RawHTTPError(code: .malformed, description: "bad chunk size \"\(sizeText)\"")
            }
            let start = lineEnd + 2
            if size == 0 { return find([13, 10], in: bytes, from: start) == nil ? nil : body }
            guard bytes.count >= start + size + 2 else { return nil }
            body += bytes[start..<(start + size)]
            index = start + size + 2
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        for index in start...(bytes.count - needle.count) where bytes[index] == needle[0] {
            if Array(bytes[index..<(index + needle.count)]) == needle { return index }
        }
        return nil
    }
}
