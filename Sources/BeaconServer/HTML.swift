/// HTML building for server-rendered pages: every piece of user-supplied text goes through `escape`.
enum HTML {
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.count)
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

    /// A small page readable on a phone. Its style comes from `/assets/page.css`: the pages forbid inline style.
    static func page(title: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="\(ConsoleFormat.words.language.rawValue)"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title)) · Beacon</title>
        <link rel="stylesheet" href="/assets/page.css">
        </head><body>
        \(body)
        </body></html>
        """
    }

    /// The stylesheet of `page(title:body:)`.
    static let pageCSS = """
        body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#1d2430}
        h1{font-size:1.3rem} .facts{background:#f4f6f9;border-radius:8px;padding:.75rem 1rem}
        .sev1{color:#b00020} .sev2{color:#c25400}
        button{font-size:1.1rem;padding:.8rem 1.4rem;border-radius:8px;border:0;margin:.3rem .3rem .3rem 0}
        .approve{background:#137333;color:#fff} .reject{background:#b00020;color:#fff} textarea{width:100%;min-height:4rem}
        .error{border-left:4px solid #b00020;padding-left:.75rem}
        """
}
