import BeaconCore

/// The HTML part of a notification e-mail: the subject as a heading, the escaped text, a button to the
/// incident and, for an approval request, approve and reject buttons.
enum MailHTML {
    static func render(_ message: NotificationMessage) -> String {
        let links = MessageLinks(message)
        let paragraphs = message.text.components(separatedBy: "\n\n").map { paragraph in
            "<p>"
                + paragraph.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }
                .joined(separator: "<br>\n") + "</p>"
        }
        var body = [
            "<!DOCTYPE html>",
            "<html><head><meta charset=\"utf-8\"><title>\(escape(message.subject))</title></head>",
            "<body style=\"font-family: -apple-system, Segoe UI, Helvetica, Arial, sans-serif; color: #1f2328;\">",
            "<h2 style=\"font-size: 18px;\">\(escape(message.subject))</h2>",
        ]
        body += paragraphs
        if let main = links.main { body.append("<p>\(button(main, color: "#0969da"))</p>") }
        if let approve = links.approve, let reject = links.reject {
            body.append("<p>\(button(approve, color: "#1a7f37")) \(button(reject, color: "#cf222e"))</p>")
        }
        if let note = links.expiryNote {
            body.append("<p style=\"color: #656d76; font-size: 13px;\">\(escape(note))</p>")
        }
        body += ["</body></html>", ""]
        return body.joined(separator: "\n")
    }

    private static func button(_ link: MessageLinks.Link, color: String) -> String {
        "<a href=\"\(escape(link.url))\" style=\"display: inline-block; padding: 10px 18px; border-radius: 6px; "
            + "background: \(color); color: #ffffff; text-decoration: none; font-weight: 600;\">"
            + "\(escape(link.label))</a>"
    }

    /// Escapes text for HTML content and double-quoted attributes.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
