import Hummingbird

/// The API's OpenAPI 3.1 document (`docs/openapi.json`, embedded by `make openapi`), served to anyone at
/// `/api/openapi.json`: it describes routes, not data.
enum OpenAPIDocument {
    static func add(to router: Router<BeaconRequestContext>) {
        router.get("/api/openapi.json") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: json)))
        }
    }
}
