import BeaconTestSupport
import Foundation
import Synchronization

/// A server written in Python, run as a subprocess on 127.0.0.1 for one test.
///
/// The script gets its folder as `outdir`, and two helpers from a prelude: `publish_port(port)`, called once it
/// listens, and `keep_running()`, true until the test process goes away or two minutes have passed. Every wait
/// is bounded, and nothing here blocks a thread: the loopback HTTP servers of tests running alongside need the
/// same few threads.
final class PythonTestServer: @unchecked Sendable {
    let port: Int
    let directory: TemporaryDirectory
    private let process: Process

    private init(port: Int, directory: TemporaryDirectory, process: Process) {
        self.port = port
        self.directory = directory
        self.process = process
    }

    /// A server the test forgot to stop is killed at once.
    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// Starts `script` and returns once it has published its port, waiting at most 15 seconds.
    /// - Parameters:
    ///   - module: a module the script imports that some Pythons lack (`aiosmtpd`): the first Python that has
    ///     it runs the script.
    ///   - directory: the script's `outdir`; a fresh one when nil.
    static func start(
        _ script: String, requiring module: String, in directory: TemporaryDirectory? = nil
    )
        async throws -> PythonTestServer
    {
        let python = try await python(with: module)
        let directory = directory ?? TemporaryDirectory()
        let path = directory.file("server.py")
        try (prelude + script).write(toFile: path, atomically: false, encoding: .utf8)
        let process = Process()
        TiedProcess.configure(process, executable: URL(fileURLWithPath: python), arguments: [path, directory.path])
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        _ = FileManager.default.createFile(atPath: directory.file("server.log"), contents: nil)
        process.standardError = FileHandle(forWritingAtPath: directory.file("server.log"))
        try process.run()
        for _ in 0..<600 {
            if let text = try? String(contentsOfFile: directory.file("port"), encoding: .utf8),
                let port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
            {
                return PythonTestServer(port: port, directory: directory, process: process)
            }
            guard process.isRunning else { break }
            try await ContinuousClock().sleep(for: .milliseconds(25))
        }
        let log = (try? String(contentsOfFile: directory.file("server.log"), encoding: .utf8)) ?? ""
        await PythonTestServer(port: 0, directory: directory, process: process).stop()
        throw FixtureError("The Python test server did not start within 15 s: \(log)")
    }

    /// Stops the subprocess: SIGTERM, then SIGKILL if it has not exited within 5 seconds.
    func stop() async {
        guard process.isRunning else { return }
        process.terminate()
        for _ in 0..<500 where process.isRunning {
            try? await ContinuousClock().sleep(for: .milliseconds(10))
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// Runs a short command to its end without blocking a thread.
    /// - Returns: its exit status, or nil when it cannot start.
    static func exitStatus(_ executable: String, _ arguments: [String]) async -> Int32? {
        let process = Process()
        TiedProcess.configure(process, executable: URL(fileURLWithPath: executable), arguments: arguments)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        return await withCheckedContinuation { (continuation: CheckedContinuation<Int32?, Never>) in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(returning: nil)
            }
        }
    }

    /// A Python 3 that can import `module`: Debian's own first, since the first `python3` on the PATH may be
    /// another installation without Debian's packages (`python3-aiosmtpd`). Found once per module.
    private static func python(with module: String) async throws -> String {
        if let known = pythons.withLock({ $0[module] }) { return known }
        let found = try await findPython(with: module)
        pythons.withLock { $0[module] = found }
        return found
    }

    private static let pythons = Mutex<[String: String]>([:])

    private static func findPython(with module: String) async throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let candidates = ["/usr/bin/python3"] + path.split(separator: ":").map { "\($0)/python3" }
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
            if await exitStatus(candidate, ["-c", "import \(module)"]) == 0 { return candidate }
        }
        throw FixtureError("No python3 can import \(module): `scripts/install-deps.sh test` installs it.")
    }

    private static let prelude = #"""
        import os, signal, sys, time

        # A child of Foundation's Process inherits the test thread's signal mask, which blocks SIGTERM.
        signal.pthread_sigmask(signal.SIG_SETMASK, [])
        outdir = sys.argv[1]
        _parent = os.getppid()
        _deadline = time.monotonic() + 120

        def publish_port(port):
            with open(os.path.join(outdir, "port.tmp"), "w") as out:
                out.write(str(port))
            os.rename(os.path.join(outdir, "port.tmp"), os.path.join(outdir, "port"))

        def keep_running():
            return time.monotonic() < _deadline and os.getppid() == _parent


        """#
}
