import BeaconTestSupport
import Foundation
import Testing

/// The PostgreSQL the multi-node work runs against: Debian's server, started per test on loopback, gone after.
@Suite struct PostgresServerTests {
    @Test(.timeLimit(.minutes(2))) func aClusterStartsAnswersAndIsRemoved() async throws {
        let server = try await PostgresServer.start()
        #expect(try server.psql("SELECT 40 + 2").trimmingCharacters(in: .whitespacesAndNewlines) == "42")
        #expect(try server.psql("SHOW listen_addresses").trimmingCharacters(in: .whitespacesAndNewlines) == "127.0.0.1")
        let directory = server.directory
        server.stop()
        #expect(!FileManager.default.fileExists(atPath: directory.path), "nothing is left behind")
    }
}
