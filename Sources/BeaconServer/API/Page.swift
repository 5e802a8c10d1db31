import Foundation
import HTTPTypes
import Hummingbird

/// `limit` + `cursor` paging of a list: at most `limit` items (50 unless asked, never more than 200), and, when
/// there are more, a `Link: <…?cursor=…>; rel="next"` header whose cursor picks up after the last one. A cursor
/// is the key of the last item (an incident's or an override's number, a login): any such key is a valid
/// cursor, so a client may also start a page wherever it likes.
struct Page {
    static let defaultLimit = 50
    static let maximumLimit = 200
    static let link = HTTPField.Name("Link")!

    var limit: Int
    /// Where the page starts: after the item with this key.
    var after: String?

    init(_ request: Request) throws {
        let query = request.uri.queryParameters
        if let text = query["limit"] {
            guard let limit = Int(String(text)), (1...Self.maximumLimit).contains(limit) else {
                throw APIError(
                    .badRequest, "limit is a whole number from 1 to \(Self.maximumLimit).", field: "limit")
            }
            self.limit = limit
        } else {
            limit = Self.defaultLimit
        }
        after = query["cursor"].map(String.init)
    }

    /// The page's items from `items` (fetched with one more than `limit`, so a next page shows), and its
    /// response with the `Link` header when there is a next page.
    /// - Parameter key: what a cursor keeps of an item to start the next page after it.
    func response<Item, Value: Encodable>(
        _ items: [Item], request: Request, key: (Item) -> String, encode: (Item) -> Value
    ) throws -> Response {
        let page = Array(items.prefix(limit))
        var response = try JSONBody.response(page.map(encode))
        if items.count > limit, let last = page.last {
            var components = URLComponents()
            components.path = request.uri.path
            components.queryItems =
                request.uri.queryParameters.compactMap { name, value in
                    name == "cursor" || name == "limit" ? nil : URLQueryItem(name: String(name), value: String(value))
                } + [
                    URLQueryItem(name: "limit", value: String(limit)),
                    URLQueryItem(name: "cursor", value: key(last)),
                ]
            response.headers[Self.link] = "<\(components.string ?? request.uri.path)>; rel=\"next\""
        }
        return response
    }

}
