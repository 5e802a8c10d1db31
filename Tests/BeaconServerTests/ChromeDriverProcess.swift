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
        if let driverPID = Self.driverPID(in: folder), Self.isAlive(driverPID) { kill(driverPID, SIGKILL) }
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
    ///
    /// Now and then chromedriver given `--port=0` exits at once with "IPv4 port not available. Exiting..."
    /// (seen in CI, with many tests binding loopback ports alongside); then it is started again, up to three
    /// times.
    ///
    /// The driver runs under a small shell watchdog: should this test process die before ``stop(driver:)``
    /// (a crash, a kill), the watchdog kills the driver and every browser process of this profile.
    static func start() async throws -> ChromeDriverProcess {
        guard let driver = executable(["chromedriver"]) else {
            throw Unavailable(
                description: "chromedriver is not installed; `scripts/install-deps.sh test` installs chromium-driver.")
        }
        for _ in 1..<3 {
            do {
                return try await start(driver)
            } catch let error as Unavailable where error.description.contains("port not available") {
                continue
            }
        }
        return try await start(driver)
    }

    private static func start(_ driver: String) async throws -> ChromeDriverProcess {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-browser-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let output = folder.appendingPathComponent("stdout")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", watchdog, "beacon-chromedriver", driver, folder.path, String(getpid())]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<400 {
            let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            if let port = port(in: text) { return ChromeDriverProcess(port: port, folder: folder, process: process) }
            guard process.isRunning, driverPID(in: folder).map(isAlive) ?? true else { break }
            try await ContinuousClock().sleep(for: .milliseconds(50))
        }
        let said = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        await ChromeDriverProcess(port: 0, folder: folder, process: process).stop(driver: nil)
        throw Unavailable(description: "chromedriver did not start within 20 s: \(said)")
    }

    /// `$1` chromedriver, `$2` the scratch folder, `$3` the test process to outlive.
    /// Without `--allowed-ips` chromedriver listens on the loopback interface only.
    private static let watchdog = #"""
        "$1" --port=0 --log-path="$2/chromedriver.log" &
        echo $! > "$2/driver.pid"
        while kill -0 "$3" 2>/dev/null; do sleep 0.5; done
        kill -9 "$(cat "$2/driver.pid")" 2>/dev/null
        for entry in /proc/[0-9]*; do
          case "$(tr '\000' ' ' < "$entry/cmdline" 2>/dev/null)" in
            *"$2/profile"*) kill -9 "${entry#/proc/}" 2>/dev/null ;;
          esac
        done
        rm -rf "$2"
        """#

    /// The driver's process id, once the watchdog has written it.
    static func driverPID(in folder: URL) -> pid_t? {
        (try? String(contentsOf: folder.appendingPathComponent("driver.pid"), encoding: .utf8))
            .flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// Whether a process exists and has not exited (a zombie has).
    static func isAlive(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        return !stat[close...].dropFirst().trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }

    /// `ChromeDriver was started successfully on port 40425.`
    private static func port(in text: String) -> Int? {
        guard let range = text.range(of: "started successfully on port ") else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }

    /// Ends the browser session, asks the driver to exit and gives it 5 seconds, then kills the driver, the
    /// watchdog and any browser process still using this test's profile, and removes the scratch folder.
    func stop(driver: WebDriver?) async {
        await driver?.quit()
        if port > 0 { _ = try? await WebDriver.request(port: port, .get, "/shutdown", nil, timeout: .seconds(5)) }
        let driverPID = Self.driverPID(in: folder)
        for _ in 0..<100 where driverPID.map(Self.isAlive) ?? false || !Self.processes(using: profile).isEmpty {
            try? await ContinuousClock().sleep(for: .milliseconds(50))
        }
        if let driverPID, Self.isAlive(driverPID) { kill(driverPID, SIGKILL) }
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
