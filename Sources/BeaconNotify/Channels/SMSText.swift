/// The short text an SMS carries: the subject and the incident's link, cut to fit one message.
///
/// An SMS holds 160 characters of the GSM 7-bit alphabet, or 70 UTF-16 units when any other character (Chinese,
/// most emoji) forces UCS-2. The link is never cut; the subject is shortened with an ellipsis when needed.
/// When the link leaves too little room for a useful subject, two concatenated parts (153 or 67 each) are used.
enum SMSText {
    /// - Parameter singleSegment: never use two parts; the subject is cut as far as it must be (an approval's
    ///   short link always leaves room for its first words).
    static func compose(subject: String, link: String, singleSegment: Bool = false) -> String {
        let subject = subject.split(whereSeparator: \.isNewline).joined(separator: " ")
        let full = subject + " " + link
        let isGSM = isGSM7(full)
        let (single, perPart) = isGSM ? (160, 153) : (70, 67)
        guard length(full, gsm: isGSM) > single else { return full }
        let ellipsis = isGSM ? "..." : "…"
        let suffix = ellipsis + " " + link
        let minimumSubject = 20
        var budget = single
        if !singleSegment, budget - length(suffix, gsm: isGSM) < minimumSubject { budget = 2 * perPart }
        var kept = ""
        for character in subject {
            let candidate = kept + String(character)
            guard length(candidate + suffix, gsm: isGSM) <= budget else { break }
            kept = candidate
        }
        return kept.trimmingTrailingSpaces + suffix
    }

    /// Whether every character is in the GSM 03.38 alphabet (basic set or extension table).
    static func isGSM7(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { basic.contains($0) || extended.contains($0) }
    }

    /// The size in the text's encoding: GSM septets (extension characters take two) or UTF-16 units.
    static func length(_ text: String, gsm: Bool) -> Int {
        guard gsm else { return text.utf16.count }
        return text.unicodeScalars.reduce(0) { $0 + (extended.contains($1) ? 2 : 1) }
    }

    private static let basic = Set(
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿"
            .unicodeScalars + "abcdefghijklmnopqrstuvwxyzäöñüà".unicodeScalars)
    private static let extended = Set("^{}\\[~]|€\u{0C}".unicodeScalars)
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
