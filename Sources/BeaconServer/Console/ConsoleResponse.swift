import Foundation
import Hummingbird

/// How console responses are made: HTML with strict headers, redirects, and the one-time message cookie.
enum ConsoleResponse {
    static let sessionCookie = AuthMiddleware.cookieName
    static let flashCookieName = "beacon_flash"

    /// Scripts and styles only from Beacon itself; no framing, no forms posting elsewhere.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    static func html(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(
            status: status,
            headers: [
                .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                .contentSecurityPolicy: contentSecurityPolicy, .xContentTypeOptions: "nosniff",
                .init("X-Frame-Options")!: "DENY", .init("Referrer-Policy")!: "same-origin",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: "\(type); charset=utf-8", .cacheControl: "public, max-age=300",
                .xContentTypeOptions: "nosniff",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// A 303 See Other: after a form, the browser fetches `location` with GET.
    static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    /// A path and query to come back to after signing in, when it is one of Beacon's own pages; else `/`.
    static func safeNext(_ text: String?, allowingLogin: Bool = false) -> String {
        guard let text, text.hasPrefix("/"), !text.hasPrefix("//"), allowingLogin || !text.hasPrefix("/login"),
            text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") })
        else { return "/" }
        return text
    }

    /// Percent-encodes everything but unreserved characters and `/`, for a value inside a query.
    static func queryEscaped(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? "/"
    }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/")

    // MARK: - Cookies

    /// The session cookie: HttpOnly, SameSite=Lax, the whole site, for the session's lifetime.
    static func sessionCookie(_ value: String, expires: Date, maxAge: Int, secure: Bool) -> Cookie {
        Cookie(
            name: sessionCookie, value: value, expires: expires, maxAge: maxAge, path: "/", secure: secure,
            httpOnly: true, sameSite: .lax)
    }

    static let clearedSession = Cookie(
        name: sessionCookie, value: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/", httpOnly: true,
        sameSite: .lax)

    /// The result of a form, read once by the page the form goes back to: `ok.<base64url>`.
    static func flashCookie(_ flash: PageChrome.Flash, secure: Bool) -> Cookie {
        let text = String(flash.text.prefix(600))
        let encoded = Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        return Cookie(
            name: flashCookieName, value: "\(flash.kind).\(encoded)", maxAge: 60, path: "/", secure: secure,
            httpOnly: true, sameSite: .lax)
    }

    static let clearedFlash = Cookie(
        name: flashCookieName, value: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/",
        httpOnly: true, sameSite: .lax)

    static func flash(in request: Request) -> PageChrome.Flash? {
        guard let value = request.cookies[flashCookieName]?.value, let dot = value.firstIndex(of: ".") else {
            return nil
        }
        let kind = PageChrome.Flash.Kind(rawValue: String(value[..<dot])) ?? .ok
        var encoded = value[value.index(after: dot)...].replacingOccurrences(of: "-", with: "+")
            .replacingOccurrences(of: "_", with: "/")
        encoded += String(repeating: "=", count: (4 - encoded.count % 4) % 4)
        guard let data = Data(base64Encoded: encoded), let text = String(data: data, encoding: .utf8), !text.isEmpty
        else { return nil }
        return PageChrome.Flash(kind, text)
    }
}
