/// The text of one configuration file and the name messages use for it (`Alerts/payments.yaml`).
public struct ConfigFile: Sendable, Hashable {
    public var name: String
    public var text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }
}

/// The texts of `beacon.yaml`, the rule files and the playbook files, read but not yet parsed.
public struct ConfigFiles: Sendable, Hashable {
    public var main: ConfigFile
    public var alerts: [ConfigFile]
    public var playbooks: [ConfigFile]
    /// Problems met while reading (a missing folder, an unreadable file).
    public var readIssues: [ConfigIssue]

    public init(main: ConfigFile, alerts: [ConfigFile], playbooks: [ConfigFile], readIssues: [ConfigIssue] = []) {
        self.main = main
        self.alerts = alerts
        self.playbooks = playbooks
        self.readIssues = readIssues
    }
}

extension ConfigFiles {
    /// The largest configuration file read: far above any real one.
    public static let maxFileBytes = YAMLBounds.maxFileBytes
}
