import BeaconApproval
import BeaconCore
import BeaconStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BeaconServer

/// What a tool author expects of the API: JSON errors on every route, unknown ones included; `Allow` on a 405;
/// `WWW-Authenticate` on a 401; enum errors that list the allowed names; `Location` on a 201; any RFC 3339
/// `since`; `limit` + `cursor` paging with a `Link` header; severity set by a person.
extension APITests {
    @Test func unknownRoutesAndMethodsAnswerJSON() async throws {
        try await application().test(.router) { client in
            let unknown = try await client.execute(uri: "/api/nothing-here", method: .get, headers: headers("zhangmin"))
            #expect(unknown.status == .notFound)
            #expect(unknown.headers[.contentType] == "application/json")
            #expect(
                try json(unknown)["error"] as? String
                    == "No route GET /api/nothing-here; the routes are in /api/openapi.json.")
            let wrongMethod = try await client.execute(
                uri: "/api/incidents/1/ack", method: .get, headers: headers("zhangmin"))
            #expect(wrongMethod.status == .methodNotAllowed)
            #expect(wrongMethod.headers[.allow] == "POST")
            #expect(try json(wrongMethod)["error"] as? String == "/api/incidents/1/ack answers POST, not GET.")
            let anonymous = try await client.execute(uri: "/api/incidents", method: .get)
            #expect(anonymous.headers[.wwwAuthenticate] == "Bearer realm=\"beacon\"")
            let forged = try await client.execute(
                uri: "/api/incidents", method: .get, headers: [.authorization: "Bearer bcn_forged"])
            #expect(forged.headers[.wwwAuthenticate] == "Bearer realm=\"beacon\", error=\"invalid_token\"")
            let document = try await client.execute(uri: "/api/openapi.json", method: .get)
            #expect(document.status == .ok, "the description is public")
            #expect(String(buffer: document.body) == OpenAPIDocument.json)
        }
    }

    @Test func enumErrorsListTheNamesAndCreatedThingsHaveALocation() async throws {
        try await application().test(.router) { client in
            let wrong = try await client.execute(
                uri: "/api/incidents", method: .post, headers: headers("zhangmin"),
                body: ByteBuffer(string: #"{"title":"x","category":"system","severity":"sev9"}"#))
            #expect(try json(wrong)["error"] as? String == #"severity: "sev9" is not one of sev1, sev2, sev3, sev4"#)
            let created = try await client.execute(
                uri: "/api/incidents", method: .post, headers: headers("zhangmin"),
                body: ByteBuffer(string: #"{"title":"Checkout down","category":"system","severity":"sev2"}"#))
            #expect(created.status == .created)
            #expect(created.headers[.location] == "/api/incidents/1")
            let followed = try await client.execute(uri: "/api/incidents/1", method: .get, headers: headers("wanglei"))
            #expect(followed.status == .ok)
        }
    }

    @Test func sinceTakesAnyRFC3339Time() async throws {
        try await application().test(.router) { client in
            _ = try await declare(client)
            for since in ["2020-01-01T00:00:00.000Z", "2020-01-01t08:00:00.123456789+08:00", "2020-01-01T00:00:00Z"] {
                let listed = try await client.execute(
                    uri: "/api/incidents?since=\(since.replacingOccurrences(of: "+", with: "%2B"))", method: .get,
                    headers: headers("zhangmin"))
                #expect(listed.status == .ok, "\(since)")
                let incidents = try JSONSerialization.jsonObject(with: Data(buffer: listed.body)) as? [Any]
                #expect(incidents?.count == 1, "\(since)")
            }
            let future = try await client.execute(
                uri: "/api/incidents?since=2999-01-01T00:00:00Z", method: .get, headers: headers("zhangmin"))
            #expect((try JSONSerialization.jsonObject(with: Data(buffer: future.body)) as? [Any])?.isEmpty == true)
        }
    }

    @Test func listsArePagedWithACursorInTheLinkHeader() async throws {
        try await application().test(.router) { client in
            for _ in 0..<5 { _ = try await declare(client, severity: "sev3") }
            var seen: [Int] = []
            var next: String? = "/api/incidents?status=open&limit=2"
            var pages = 0
            while let uri = next, pages < 10 {
                let page = try await client.execute(uri: uri, method: .get, headers: headers("zhangmin"))
                #expect(page.status == .ok)
                let items = try #require(
                    try JSONSerialization.jsonObject(with: Data(buffer: page.body)) as? [[String: Any]])
                seen += items.compactMap { $0["id"] as? Int }
                next = page.headers[HTTPField.Name("Link")!].flatMap { link in
                    link.split(separator: ">").first.map { String($0.dropFirst()) }
                }
                if let next { #expect(next.contains("status=open") && next.contains("limit=2")) }
                pages += 1
            }
            #expect(seen == [5, 4, 3, 2, 1], "newest first, each once")
            #expect(pages == 3)
            for bad in ["limit=0", "limit=201", "limit=many", "cursor=%25%25", "cursor=0"] {
                let refused = try await client.execute(
                    uri: "/api/incidents?\(bad)", method: .get, headers: headers("zhangmin"))
                #expect(refused.status == .badRequest, "\(bad)")
            }
        }
    }

    @Test func theOperationAndExecutionLayersSetTheSeverityWithAReason() async throws {
        try await application().test(.router) { client in
            let id = try await declare(client, severity: "sev3")
            func set(_ body: String, as login: String) async throws -> TestResponse {
                try await client.execute(
                    uri: "/api/incidents/\(id)/severity", method: .post, headers: headers(login),
                    body: ByteBuffer(string: body))
            }
            let executive = try await set(#"{"severity":"sev1","reason":"GMV at risk"}"#, as: "lina")
            #expect(executive.status == .forbidden)
            let blank = try await set(#"{"severity":"sev1","reason":"  "}"#, as: "zhangmin")
            #expect(blank.status == .badRequest)
            let before = try store.notifications(IncidentID(Int64(id))).count
            let raised = try await set(#"{"severity":"sev1","reason":"Every payment fails"}"#, as: "zhangmin")
            #expect(raised.status == .ok)
            #expect(try json(raised)["severity"] as? String == "sev1")
            let paged = try store.notifications(IncidentID(Int64(id))).dropFirst(before)
            #expect(
                paged.flatMap(\.recipients).contains { $0.layer == .decision }, "a raise pages the layers sev1 adds")
            let lowered = try await set(#"{"severity":"sev4","reason":"Only one bank"}"#, as: "wanglei")
            #expect(lowered.status == .ok)
            #expect(
                try store.notifications(IncidentID(Int64(id))).count == before + paged.count, "a lowering pages nobody")
            let timeline = try store.timeline(IncidentID(Int64(id))).map(\.message)
            #expect(timeline.contains("Severity raised from sev3 to sev1 by zhangmin: Every payment fails"))
            #expect(timeline.contains("Severity lowered from sev1 to sev4 by wanglei: Only one bank"))
            let same = try await set(#"{"severity":"sev4","reason":"again"}"#, as: "wanglei")
            #expect(same.status == .conflict)
        }
    }
}

/// The OpenAPI document and the router describe the same API: every route the router answers under `/api`
/// (and `/healthz`, `/metrics`) is in the document, every operation of the document is a route, and the
/// committed `docs/openapi.json` is what is served.
@Suite struct OpenAPIDocumentTests {
    static func normalized(_ path: String) -> String {
        path.split(separator: "/").map { $0.hasPrefix(":") || $0.hasPrefix("{") ? "{}" : String($0) }
            .joined(separator: "/")
    }

    @Test func everyRouteIsDescribedAndEveryDescribedRouteExists() throws {
        let store = try BeaconStore.inMemory()
        let config = ApprovalLinkTests.chainConfig
        let router = BeaconHTTP.router(
            repositories: store.repositories(configuration: { config }),
            signer: ApprovalSigner(key: Array(repeating: 1, count: 32)), config: { config },
            health: {
                HealthReport(storeOK: true, monitorRunning: true, targets: 0, failingSources: 0, outboxDepth: 0)
            },
            metrics: BeaconMetrics())
        let routed = Set(
            router.routes.map { (method: $0.method.rawValue, path: Self.normalized("\($0.path)")) }.filter {
                $0.path.hasPrefix("api/") || $0.path == "healthz" || $0.path == "metrics"
            }.map { "\($0.method) \($0.path)" })
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let described = Set(
            paths.flatMap { path, operations in
                operations.keys.filter { ["get", "put", "post", "delete", "patch"].contains($0) }.map {
                    "\($0.uppercased()) \(Self.normalized(path))"
                }
            })
        #expect(routed.subtracting(described).sorted() == [], "routes the document does not describe")
        #expect(described.subtracting(routed).sorted() == [], "described operations no route answers")
        #expect(routed.count > 30)
    }

    @Test func theCommittedDocumentIsTheServedOne() throws {
        let committed = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("docs/openapi.json"), encoding: .utf8)
        #expect(committed.trimmingCharacters(in: .newlines) == OpenAPIDocument.json, "run make openapi")
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
    }
}
