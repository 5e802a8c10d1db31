import Foundation

/// The links in a message and the words they are shown with, whatever the channel's format:
/// Markdown `[Approve](url)`, Slack `<url|Approve>`, HTML `<a href="url">Approve</a>` or plain `Approve: url`.
struct DemoLinks: Sendable, Hashable {
    struct Link: Sendable, Hashable {
        /// The words shown for the link, when the format gives any.
        var label: String?
        var url: String
    }

    var all: [Link]

    init(_ text: String) {
        all = Self.scan(Array(text))
    }

    /// The approve and reject links of an approval request: links to `/approvals/` (or an SMS's short `/a/`
    /// link), told apart by their words (Approve, Reject) or their path (`…/approve`), else by order, approve first.
    var approval: (approve: String?, reject: String?) {
        var approve: String?
        var reject: String?
        var unnamed: [String] = []
        for link in all where link.url.contains("/approvals/") || link.url.contains("/a/") {
            switch Self.decision(of: link) {
            case true?: approve = approve ?? link.url
            case false?: reject = reject ?? link.url
            case nil: unnamed.append(link.url)
            }
        }
        for url in unnamed where url != approve && url != reject {
            if approve == nil {
                approve = url
            } else if reject == nil {
                reject = url
            }
        }
        return (approve, reject)
    }

    /// Whether a link approves (`true`) or rejects (`false`), by its words, else its path; `nil` when neither says.
    private static func decision(of link: Link) -> Bool? {
        let label = link.label?.lowercased() ?? ""
        if approveWords.contains(where: label.contains) { return true }
        if rejectWords.contains(where: label.contains) { return false }
        let path = link.url.lowercased().split(separator: "?").first ?? ""
        if path.hasSuffix("/approve") { return true }
        if path.hasSuffix("/reject") { return false }
        return nil
    }

    private static let approveWords = ["approve", "批准", "同意"]
    private static let rejectWords = ["reject", "deny", "decline", "拒绝", "驳回"]

    // MARK: - Scanning

    private static func scan(_ characters: [Character]) -> [Link] {
        var links: [Link] = []
        var index = 0
        while index < characters.count {
            guard startsURL(characters, at: index) else {
                index += 1
                continue
            }
            var end = index
            while end < characters.count, !endsURL(characters[end]) { end += 1 }
            while end > index, ".,;:!?".contains(characters[end - 1]) { end -= 1 }
            var url = String(characters[index..<end])
            let inHTML = follows(characters, index, "href=\"") || follows(characters, index, "href='")
            if inHTML { url = DemoText.htmlUnescaped(url) }
            let label = inHTML ? htmlLabel(characters, after: end) : label(characters, start: index, end: end)
            links.append(Link(label: label?.isEmpty == false ? label : nil, url: url))
            index = max(end, index + 1)
        }
        return links
    }

    private static func startsURL(_ characters: [Character], at index: Int) -> Bool {
        for scheme in ["http://", "https://"] where index + scheme.count <= characters.count {
            if String(characters[index..<index + scheme.count]).lowercased() == scheme { return true }
        }
        return false
    }

    private static func endsURL(_ character: Character) -> Bool {
        character.isWhitespace || "()<>|\"'[]`".contains(character)
    }

    /// Whether `characters` just before `index` spell `text`.
    private static func follows(_ characters: [Character], _ index: Int, _ text: String) -> Bool {
        let needle = Array(text)
        guard index >= needle.count else { return false }
        return Array(characters[index - needle.count..<index]) == needle
    }

    /// The words of a Markdown, Slack or plain link around `start..<end`.
    private static func label(_ characters: [Character], start: Int, end: Int) -> String? {
        if follows(characters, start, "](") {
            // Markdown: back from `](` to the matching `[`.
            var open = start - 3
            while open >= 0, characters[open] != "[", !characters[open].isNewline { open -= 1 }
            guard open >= 0, characters[open] == "[" else { return nil }
            return String(characters[open + 1..<start - 2]).trimmed
        }
        if follows(characters, start, "<"), end < characters.count, characters[end] == "|" {
            // Slack: from `|` to `>`.
            var close = end + 1
            while close < characters.count, characters[close] != ">", !characters[close].isNewline { close += 1 }
            return String(characters[end + 1..<close]).trimmed
        }
        if follows(characters, start, ": ") || follows(characters, start, ":") {
            // Plain: the words before the colon, back to the line's start or a separator.
            let colon = follows(characters, start, ": ") ? start - 2 : start - 1
            var open = colon - 1
            while open >= 0, !characters[open].isNewline, !"·|•".contains(characters[open]) { open -= 1 }
            return String(characters[open + 1..<colon]).trimmed
        }
        return nil
    }

    /// The text of the `<a>` element whose `href` ends at `end`: from the tag's `>` to `</a>`, tags removed.
    private static func htmlLabel(_ characters: [Character], after end: Int) -> String? {
        var index = end
        while index < characters.count, characters[index] != ">" { index += 1 }
        guard index < characters.count else { return nil }
        var close = index + 1
        while close + 1 < characters.count, !(characters[close] == "<" && characters[close + 1] == "/") {
            close += 1
        }
        return DemoText.htmlText(String(characters[index + 1..<min(close, characters.count)])).trimmed
    }
}

extension String {
    fileprivate var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
