import Foundation

/// The API's paths and their methods, read from the OpenAPI document: what an unknown route (404) or a known
/// path asked with another method (405, with `Allow`) is told. One source, so the document and the answers
/// cannot disagree.
struct APIRouteTable: Sendable {
    struct Route: Sendable {
        /// `["api", "incidents", nil]` for `/api/incidents/{id}`: `nil` matches any one segment.
        var segments: [String?]
        var methods: [String]
    }

    let routes: [Route]

    /// The table of the served document.
    static let served = APIRouteTable(document: OpenAPIDocument.json)

    init(document: String) {
        let paths =
            (try? JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any])?["paths"]
            as? [String: [String: Any]] ?? [:]
        let verbs = ["get", "put", "post", "delete", "patch"]
        routes = paths.map { path, operations in
            Route(
                segments: path.split(separator: "/").map { $0.hasPrefix("{") ? nil : String($0) },
                methods: verbs.filter { operations[$0] != nil }.map { $0.uppercased() })
        }
    }

    /// The methods the document describes at `path`; empty when it describes no such path.
    func methods(at path: String) -> [String] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        let matching = routes.filter { route in
            route.segments.count == segments.count
                && zip(route.segments, segments).allSatisfy { pattern, segment in pattern.map { $0 == segment } ?? true
                }
        }
        // A literal segment beats a parameter (`/api/incidents/12` is not `/api/incidents/{id}/…`): the most
        // literal match answers.
        let best = matching.max { $0.segments.compactMap { $0 }.count < $1.segments.compactMap { $0 }.count }
        return best?.methods ?? []
    }
}
