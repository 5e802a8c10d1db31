import Foundation

/// The `curl` command-line tool as a subprocess, every run bounded.
enum CurlTool {
    /// Runs `curl` with `arguments` and returns its exit status; kills it after `timeout`.
    static func run(_ arguments: [String], timeout: Duration = .seconds(20)) async throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["curl"] + arguments
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let step = Duration.milliseconds(20)
        for _ in 0..<Int(timeout / step) where process.isRunning {
            try await Task.sleep(for: step)
        }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            return -1
        }
        return process.terminationStatus
    }
}
