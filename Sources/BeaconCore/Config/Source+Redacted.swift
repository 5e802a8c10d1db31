import Foundation

extension Source {
    /// A source URL as it may be shown where the URL's secrets must not be: in `/metrics` labels, logs and pages.
    /// User name, password, query and fragment are dropped (they carry tokens, and `${ENV}` secrets end up there);
    /// scheme, host, port and path stay, so a person can still tell sources apart.
    /// - Returns: `scheme://host[:port]/path`, or `(unreadable URL)` for text that is not a URL.
    public static func redacted(_ url: String) -> String {
        guard let components = URLComponents(string: url), let scheme = components.scheme,
            let host = components.host
        else { return "(unreadable URL)" }
        var text = "\(scheme)://\(host.contains(":") ? "[\(host)]" : host)"
        if let port = components.port { text += ":\(port)" }
        return text + components.percentEncodedPath
    }
}
