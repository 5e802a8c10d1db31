import BeaconCore

extension StoreError {
    static func notADatabase(_ path: String) -> Self {
        Self(code: .notADatabase, key: "storage.not_a_database", ["path": path])
    }

    static func notBeacon(_ path: String) -> Self {
        Self(code: .notBeacon, key: "storage.not_beacon", ["path": path])
    }

    static func newerSchema(_ path: String, unknown: [String]) -> Self {
        Self(
            code: .newerSchema, key: "storage.newer_schema", ["path": path, "unknown": unknown.joined(separator: ", ")])
    }
}
