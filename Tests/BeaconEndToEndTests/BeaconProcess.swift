import BeaconTestSupport
import Foundation

/// Runs the built `beacon` executable and captures what it prints.
struct BeaconProcess {
    var status: Int32
    var output: String
    var errors: String

    /// The `beacon` binary next to the test bundle, in the same build folder.
    static var executable: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("beacon").path),
            directory.path != "/"
        {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("beacon")
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Runs the command on a thread of its own: waiting for a process (the demo takes a minute) must not hold one
    /// of the few threads Swift concurrency shares with the servers other tests are talking to.
    /// - Parameters:
    ///   - input: what the command reads on standard input (a password); none when `nil`.
    ///   - program: another program than `beacon` (schemathesis), run the same way.
    static func run(
        _ arguments: [String], environment: [String: String] = [:], input: String? = nil, program: URL? = nil,
        directory: URL? = nil
    ) async throws -> BeaconProcess {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(
                    with: Result {
                        try runBlocking(
                            arguments, environment: environment, input: input, program: program ?? executable,
                            directory: directory)
                    })
            }.start()
        }
    }

    private static func runBlocking(
        _ arguments: [String], environment: [String: String], input: String?, program: URL, directory: URL?
    ) throws -> BeaconProcess {
        let process = Process()
        TiedProcess.configure(process, executable: program, arguments: arguments)
        // Before it reads a configuration the CLI speaks the terminal's language: pinned, whatever the machine's.
        var inherited = ProcessInfo.processInfo.environment
        for name in ["LC_ALL", "LC_MESSAGES"] { inherited[name] = nil }
        inherited["LANG"] = "C.UTF-8"
        process.environment = inherited.merging(environment) { $1 }
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        // Never the terminal: a command that would ask a question must see that nobody can answer.
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return BeaconProcess(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            errors: String(decoding: errorData, as: UTF8.self))
    }
}
