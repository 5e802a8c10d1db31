public import BeaconCore
public import Foundation

/// Reads `beacon.yaml` and the files of its `alerts` and `playbooks` folders from disk, and the environment its
/// `${…}` references name.
///
/// The configuration's one piece of I/O, kept out of BeaconCore: the parsing and validation it hands the texts to
/// are pure.
public struct ConfigLoader: Sendable {
    /// The path of `beacon.yaml`.
    public var path: String
    public var environment: [String: String]
    /// The zone of a configuration without `time_zone`: the machine's.
    public var localTimeZone: TimeZone

    public init(
        path: String, environment: [String: String] = ProcessInfo.processInfo.environment,
        localTimeZone: TimeZone = .current
    ) {
        self.path = path
        self.environment = environment
        self.localTimeZone = localTimeZone
    }

    /// The folder that relative paths in the configuration start from.
    public var directory: String { (path as NSString).deletingLastPathComponent }

    /// Reads and validates everything.
    /// - Throws: `ConfigErrors` with every problem found.
    public func load() throws(ConfigErrors) -> BeaconConfig {
        try parse(read(), rulesIncluded: true)
    }

    /// Reads and validates `beacon.yaml` and the playbooks, without the rules: enough for commands that work on
    /// incidents, which must keep working while a rule file is broken.
    public func loadWithoutRules() throws(ConfigErrors) -> BeaconConfig {
        let files = try read()
        return try parse(
            ConfigFiles(main: files.main, alerts: [], playbooks: files.playbooks, readIssues: files.readIssues),
            rulesIncluded: false)
    }

    /// Parses the files; the errors carry the language the main file asks for, so they can be told in it.
    private func parse(_ files: ConfigFiles, rulesIncluded: Bool) throws(ConfigErrors) -> BeaconConfig {
        do {
            return localized(try ConfigParser.parse(files, environment: environment, rulesIncluded: rulesIncluded))
        } catch {
            var errors = error
            errors.language = Self.scalar("locale", in: files.main.text).flatMap(Language.init(tag:))
            throw errors
        }
    }

    /// The configuration with the machine's zone where it names none.
    private func localized(_ config: BeaconConfig) -> BeaconConfig {
        var config = config
        config.timeZone = config.timeZone ?? localTimeZone
        return config
    }

    /// Resolves a path from the configuration against the configuration's folder.
    public func resolve(_ relative: String) -> String {
        relative.hasPrefix("/") || directory.isEmpty
            ? relative : (directory as NSString).appendingPathComponent(relative)
    }

    /// Reads the texts of every file, without parsing them.
    public func read() throws(ConfigErrors) -> ConfigFiles {
        let mainName = (path as NSString).lastPathComponent
        let mainText: String
        switch Self.text(at: URL(fileURLWithPath: path)) {
        case .success(let text): mainText = text
        case .failure(let problem):
            throw ConfigErrors([ConfigIssue(file: path, line: 1, field: "", problem: problem.problem)])
        }
        let main = ConfigFile(name: mainName, text: mainText)
        var issues: [ConfigIssue] = []
        let alerts = folder(named: "alerts", default: "Alerts", main: mainText, issues: &issues)
        let playbooks = folder(named: "playbooks", default: "Playbooks", main: mainText, issues: &issues)
        return ConfigFiles(main: main, alerts: alerts, playbooks: playbooks, readIssues: issues)
    }

    private func folder(
        named key: String, default fallback: String, main: String, issues: inout [ConfigIssue]
    )
        -> [ConfigFile]
    {
        let name = Self.scalar(key, in: main) ?? fallback
        let url = URL(fileURLWithPath: resolve(name))
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: url.path) else {
            issues.append(
                ConfigIssue(
                    file: (path as NSString).lastPathComponent, line: 1, field: key,
                    problem: ConfigProblem("check.unreadable_folder", ["path": "\(url.path)"])))
            return []
        }
        return entries.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().compactMap { entry in
            let display = (name as NSString).appendingPathComponent(entry)
            switch Self.text(at: url.appendingPathComponent(entry)) {
            case .success(let text):
                return ConfigFile(name: display, text: text)
            case .failure(let problem):
                issues.append(ConfigIssue(file: display, line: 1, field: "", problem: problem.problem))
                return nil
            }
        }
    }

    /// Why a file's text could not be read.
    struct ReadProblem: Error {
        var problem: ConfigProblem
        init(_ key: String, _ values: [String: ConfigProblem.Value] = [:]) { problem = ConfigProblem(key, values) }
    }

    /// The text of a regular file of at most `ConfigFiles.maxFileBytes`, read without ever blocking on a pipe or
    /// reading more than the limit.
    static func text(at url: URL) -> Result<String, ReadProblem> {
        let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .fileSizeKey])
        guard let values else { return .failure(ReadProblem("check.unreadable_file")) }
        guard values.isRegularFile == true else { return .failure(ReadProblem("check.not_regular_file")) }
        guard (values.fileSize ?? 0) <= ConfigFiles.maxFileBytes else {
            return .failure(ReadProblem("check.file_too_large", ["most": "\(ConfigFiles.maxFileBytes >> 10) KiB"]))
        }
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            data = try handle.read(upToCount: ConfigFiles.maxFileBytes + 1) ?? Data()
        } catch {
            return .failure(ReadProblem("check.unreadable_file"))
        }
        guard data.count <= ConfigFiles.maxFileBytes else {
            return .failure(ReadProblem("check.file_too_large", ["most": "\(ConfigFiles.maxFileBytes >> 10) KiB"]))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(ReadProblem("check.not_utf8"))
        }
        return .success(text)
    }

    /// A top-level `key: value` of the main file, read before the full parse so folders can be listed.
    private static func scalar(_ key: String, in text: String) -> String? {
        for line in text.split(separator: "\n") where line.hasPrefix("\(key):") {
            let value = line.dropFirst(key.count + 1).split(separator: "#").first ?? ""
            let trimmed = value.trimmingCharacters(in: .whitespaces).trimmingCharacters(
                in: CharacterSet(charactersIn: "\"'"))
            return trimmed.isEmpty ? nil : trimmed
        }
        return nil
    }
}
