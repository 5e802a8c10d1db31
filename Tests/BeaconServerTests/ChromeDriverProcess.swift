import Foundation

/// chromedriver, started for one test on 127.0.0.1 on a port it picks, with a scratch folder for its log and
/// the browser's profile. ``stop()`` ends the browser session, the driver, and any browser process left over.
final class ChromeDriverProcess: @unchecked Sendable {
    /// Why the browser test cannot start: a sentence that says what to install or what failed.
    struct Unavailable: Error, CustomStringConvertible {
        var description: String
    }

    let port: Int
    let folder: URL
    private let process: Process

    var profile: String { folder.appendingPathComponent("profile").path }
    var log: String {
        (try? String(contentsOf: folder.appendingPathComponent("chromedriver.log"), encoding: .utf8)) ?? ""
    }

    private init(port: Int, folder: URL, process: Process) {
        self.port = port
        self.folder = folder
        self.process = process
    }

    /// A driver the test forgot to stop is killed at once.
    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// The first of `names` on the `PATH` (or in /usr/bin), or nil.
    static func executable(_ names: [String]) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/lib/chromium"]
        for name in names {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }

    /// Starts chromedriver and waits, at most 20 seconds, for it to say which port it listens on.
    static func start() async throws -> ChromeDriverProcess {
        guard let driver = executable(["chromedriver"]) else {
            throw Unavailable(
                description: "chromedriver is not installed; `scripts/install-deps.sh test` installs chromium-driver.")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-browser-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let output = folder.appendingPathComponent("stdout")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: driver)
        // Without --allowed-ips chromedriver listens on the loopback interface only.
        process.arguments = ["--port=0", "--log-path=\(folder.appendingPathComponent("chromedriver.log").path)"]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<400 {
            let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            if let port = port(in: text) { return ChromeDriverProcess(port: port, folder: folder, process: process) }
            guard process.isRunning else { break }
            try await ContinuousClock().sleep(for: .milliseconds(50))
        }
        let said = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: folder)
        throw Unavailable(description: "chromedriver did not start within 20 s: \(said)")
    }

    /// `ChromeDriver was started successfully on port 40425.`
    private static func port(in text: String) -> Int? {
        guard let range = text.range(of: "started successfully on port ") else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }

    /// Ends the browser session, asks the driver to exit, kills it after 5 seconds, then kills any browser
    /// process still using this test's profile, and removes the scratch folder.
    func stop(driver: WebDriver?) async {
        await driver?.quit()
        _ = try? await WebDriver.request(port: port, .get, "/shutdown", nil, timeout: .seconds(5))
        for _ in 0..<100 where process.isRunning {
            try? await ContinuousClock().sleep(for: .milliseconds(50))
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        for pid in Self.processes(using: profile) { kill(pid, SIGKILL) }
        try? FileManager.default.removeItem(at: folder)
    }

    /// Processes whose command line names `marker` (the profile folder, unique to one test run).
    static func processes(using marker: String) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> pid_t? in
            guard let pid = pid_t(entry),
                let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline"),
                String(decoding: data, as: UTF8.self).contains(marker)
            else { return nil }
            return pid
        }
    }
}
