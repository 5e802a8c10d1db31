import BeaconCore

/// Where one label of a sample line lies in the body: its name, and its value between the quotes, still escaped.
struct PrometheusLabelSpan {
    var name: Range<Int>
    var value: Range<Int>
    /// Whether the value holds a `\` escape, so that it must be decoded rather than copied.
    var hasEscapes: Bool
}

extension [PrometheusLabelSpan] {
    /// The labels, decoded into strings.
    /// - Throws: a label value that is not valid UTF-8, or a label name given twice.
    func labels(in body: UnsafeBufferPointer<UInt8>, line: Int) throws(ExtractionError) -> Labels {
        guard !isEmpty else { return Labels() }
        var dictionary: [String: String] = [:]
        dictionary.reserveCapacity(count)
        for span in self {
            let name = String(decoding: UnsafeBufferPointer(rebasing: body[span.name]), as: UTF8.self)
            guard let value = span.decodedValue(in: body) else {
                throw .line(line, "the value of label \(name.debugDescription) is not valid UTF-8")
            }
            guard dictionary.updateValue(value, forKey: name) == nil else {
                throw .line(line, "duplicate label \(name.debugDescription)")
            }
        }
        return Labels(dictionary)
    }

    /// Checks what ``labels(in:line:)`` checks, without building strings, for samples nobody asked for.
    func validate(in body: UnsafeBufferPointer<UInt8>, line: Int) throws(ExtractionError) {
        for span in self where !Self.isValidUTF8(UnsafeBufferPointer(rebasing: body[span.value])) {
            let name = String(decoding: UnsafeBufferPointer(rebasing: body[span.name]), as: UTF8.self)
            throw .line(line, "the value of label \(name.debugDescription) is not valid UTF-8")
        }
        if let duplicate = duplicateName(in: body) {
            throw .line(line, "duplicate label \(duplicate.debugDescription)")
        }
    }

    /// A label name given twice, if any; pairwise for the usual handful, hashed for hostile lines of thousands.
    private func duplicateName(in body: UnsafeBufferPointer<UInt8>) -> String? {
        func name(_ index: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: body[self[index].name]) }
        if count <= 16 {
            for later in indices {
                for earlier in 0..<later where name(earlier).elementsEqual(name(later)) {
                    return String(decoding: name(later), as: UTF8.self)
                }
            }
            return nil
        }
        var seen = Set<String>(minimumCapacity: count)
        for index in indices where !seen.insert(String(decoding: name(index), as: UTF8.self)).inserted {
            return String(decoding: name(index), as: UTF8.self)
        }
        return nil
    }

    private static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.allSatisfy({ $0 < 0x80 }) { return true }
        var iterator = bytes.makeIterator()
        var decoder = Unicode.UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}

extension PrometheusLabelSpan {
    /// The value with its escapes decoded, or `nil` when it is not valid UTF-8.
    func decodedValue(in body: UnsafeBufferPointer<UInt8>) -> String? {
        let raw = UnsafeBufferPointer(rebasing: body[value])
        guard hasEscapes else { return String(validating: raw, as: UTF8.self) }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(raw.count)
        var escaping = false
        for byte in raw {
            if escaping {
                decoded.append(byte == UInt8(ascii: "n") ? UInt8(ascii: "\n") : byte)
                escaping = false
            } else if byte == UInt8(ascii: "\\") {
                escaping = true
            } else {
                decoded.append(byte)
            }
        }
        return String(validating: decoded, as: UTF8.self)
    }
}
