public import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A real PostgreSQL server of Debian's `postgresql` package for one test: a fresh cluster in a temporary folder,
/// listening on 127.0.0.1 only, with trust authentication for its one user; it dies with the test run (see
/// `TiedProcess`), and `stop()` removes it. As root (CI, these machines), the cluster and the server belong to
/// the `postgres` system user, since PostgreSQL refuses to run as root.
public final class PostgresServer: @unchecked Sendable {
    public let port: Int
    public let user = "beacon"
    public let directory: URL
    let process: Process
    let binaries: URL

    /// `postgresql://beacon@127.0.0.1:PORT/postgres`.
    public var url: String { "postgresql://\(user)@127.0.0.1:\(port)/postgres" }

    public struct Unavailable: Error, CustomStringConvertible {
        public var description: String
    }

    /// The newest installed server's programs (`/usr/lib/postgresql/15/bin`).
    public static func binaries() -> URL? {
        let root = URL(fileURLWithPath: "/usr/lib/postgresql")
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return versions.compactMap(Int.init).sorted().reversed().lazy.map {
            root.appendingPathComponent("\($0)/bin")
        }.first { FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("initdb").path) }
    }

    /// Makes a cluster and starts the server, trying another free port if the one picked is taken meanwhile.
    public static func start() async throws -> PostgresServer {
        guard let binaries = binaries() else {
            throw Unavailable(description: "PostgreSQL is not installed; `scripts/install-deps.sh test` installs it.")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-pg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let owner = getuid() == 0 ? "postgres" : nil
        if let owner { try await runAside("/bin/chown", ["-R", owner, directory.path]) }
        let data = directory.appendingPathComponent("data").path
        try await runAside(
            binaries.appendingPathComponent("initdb").path,
            ["-D", data, "-U", "beacon", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"], as: owner)
        var lastLog = ""
        for _ in 0..<5 {
            let port = try freePort()
            let log = directory.appendingPathComponent("server-\(port).log")
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            if let owner { try await runAside("/bin/chown", [owner, log.path]) }
            let process = Process()
            let postgres = binaries.appendingPathComponent("postgres").path
            let arguments = [
                "-D", data, "-h", "127.0.0.1", "-p", "\(port)", "-k", directory.path, "-c", "fsync=off",
                "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
            ]
            if let owner {
                TiedProcess.configure(
                    process, executable: URL(fileURLWithPath: "/usr/bin/setpriv"),
                    arguments: ["--reuid=\(owner)", "--regid=\(owner)", "--init-groups", postgres] + arguments)
            } else {
                TiedProcess.configure(process, executable: URL(fileURLWithPath: postgres), arguments: arguments)
            }
            let handle = try FileHandle(forWritingTo: log)
            process.standardOutput = handle
            process.standardError = handle
            try process.run()
            for _ in 0..<600 where process.isRunning {
                lastLog = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                if lastLog.contains("ready to accept connections") {
                    return PostgresServer(port: port, directory: directory, process: process, binaries: binaries)
                }
                try await Task.sleep(for: .milliseconds(50))
            }
            // Another port: this one was taken in between, or the server did not come up in 30 s.
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
        throw Unavailable(description: "PostgreSQL did not start:\n\(lastLog.suffix(2_000))")
    }

    init(port: Int, directory: URL, process: Process, binaries: URL) {
        self.port = port
        self.directory = directory
        self.process = process
        self.binaries = binaries
    }

    /// Runs SQL through `psql` and returns what it prints (unaligned, tuples only).
    public func psql(_ sql: String) throws -> String {
        try Self.run(
            binaries.appendingPathComponent("psql").path,
            [
                "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", "\(port)", "-U", user,
                "-d", "postgres", "-c", sql,
            ])
    }

    /// Stops the server at once and removes its cluster.
    public func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }

    deinit { stop() }

    /// `run` on a thread of its own: waiting for a program (initdb takes seconds on a loaded machine) must not hold
    /// one of the few threads every test's tasks share, or the whole run stalls meanwhile.
    @discardableResult
    static func runAside(_ program: String, _ arguments: [String], as owner: String? = nil) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try run(program, arguments, as: owner) }) }.start()
        }
    }

    @discardableResult
    static func run(_ program: String, _ arguments: [String], as owner: String? = nil) throws -> String {
        let process = Process()
        if let owner {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=\(owner)", "--regid=\(owner)", "--init-groups", program] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = arguments
        }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw Unavailable(description: "\(program) failed (\(process.terminationStatus)): \(text.suffix(2_000))")
        }
        return text
    }

    /// A port of 127.0.0.1 nothing listens on right now.
    static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard descriptor >= 0, bound == 0 else { throw Unavailable(description: "no free port on 127.0.0.1") }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
