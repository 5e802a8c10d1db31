import Foundation

/// Reads a notification's text the way a person glances at it: its first line, without Markdown decoration.
enum DemoText {
    /// The first non-empty line of `text`, stripped of leading `#`, `>` and `*`, of bold markers, and of a
    /// trailing link when the line has words before it (an SMS is its subject and a link).
    static func headline(_ text: String) -> String {
        for line in text.split(whereSeparator: \.isNewline) {
            let cleaned = withoutTrailingLink(stripped(String(line)))
            if !cleaned.isEmpty { return cleaned }
        }
        return ""
    }

    /// One line without Markdown decoration: `## **Subject**` and Slack's `*Subject*` both become `Subject`.
    static func stripped(_ line: String) -> String {
        var text = Substring(line.trimmingCharacters(in: .whitespaces))
        var openedWithStar = false
        while let first = text.first, "#>*".contains(first) {
            if first == "*" { openedWithStar = true }
            text = text.dropFirst().drop { $0 == " " }
        }
        var result = String(text).replacingOccurrences(of: "**", with: "")
        if result.hasPrefix("__") && result.hasSuffix("__") && result.count > 4 {
            result = String(result.dropFirst(2).dropLast(2))
        }
        if openedWithStar && result.hasSuffix("*") { result.removeLast() }
        return result.trimmingCharacters(in: .whitespaces)
    }

    /// `subject http://…/incidents/12` without the link; a line that is only a link stays as it is.
    static func withoutTrailingLink(_ line: String) -> String {
        guard let space = line.lastIndex(of: " ") else { return line }
        let last = line[line.index(after: space)...]
        guard last.hasPrefix("http://") || last.hasPrefix("https://") else { return line }
        let rest = line[..<space].trimmingCharacters(in: .whitespaces)
        return rest.isEmpty ? line : rest
    }

    /// Slack's three escapes undone (`&lt;` `&gt;` `&amp;`), as a reader of the message sees it.
    static func slackUnescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The text of an HTML document with its tags removed and common entities decoded, one block per line.
    static func htmlText(_ html: String) -> String {
        var text = ""
        var inTag = false
        var tag = ""
        for character in html {
            if inTag {
                if character == ">" {
                    inTag = false
                    let name = tag.lowercased().split(whereSeparator: { $0 == " " || $0 == "/" }).first ?? ""
                    if ["br", "p", "h1", "h2", "h3", "div", "li", "tr", "title"].contains(String(name)) {
                        text += "\n"
                    }
                } else {
                    tag.append(character)
                }
            } else if character == "<" {
                inTag = true
                tag = ""
            } else {
                text.append(character)
            }
        }
        return htmlUnescaped(text)
    }

    /// `&amp;`, `&lt;`, `&gt;`, `&quot;` and `&#39;` decoded.
    static func htmlUnescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
