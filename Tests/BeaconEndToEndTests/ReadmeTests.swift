import Foundation
import Testing

/// The README must work from a plain clone: nothing it links or names lies outside the repository.
@Suite struct ReadmeTests {
    let root = BeaconProcess.repositoryRoot

    func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func nothingPointsOutsideTheRepository() async throws {
        for path in ["README.md", "docs/configuration.md", "docs/webhook.md"] {
            let lines = try text(path).split(separator: "\n").filter { $0.contains("../") }
            #expect(lines.isEmpty, "\(path): \(lines)")
        }
    }

    @Test func everyRelativeLinkInTheReadmeExists() async throws {
        let readme = try text("README.md")
        let pattern = try NSRegularExpression(pattern: #"\]\(([^)#:]+)\)"#)
        let links = pattern.matches(in: readme, range: NSRange(readme.startIndex..., in: readme)).compactMap {
            Range($0.range(at: 1), in: readme).map { String(readme[$0]) }
        }
        #expect(!links.isEmpty)
        for link in links {
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(link).path), "\(link)")
        }
    }
}
