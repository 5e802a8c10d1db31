import BeaconCore

extension StoreError {
    static func notADatabase(_ path: String) -> Self {
        Self(code: .notADatabase, message: "\(path) is not an SQLite database; Beacon left it untouched.")
    }

    static func notBeacon(_ path: String) -> Self {
        Self(
            code: .notBeacon,
            message: "\(path) is an SQLite database of another application; Beacon left it untouched.")
    }

    static func newerSchema(_ path: String, unknown: [String]) -> Self {
        Self(
            code: .newerSchema,
            message: "\(path) was written by a newer Beacon (schema \(unknown.joined(separator: ", ")) is unknown "
                + "to this version); upgrade Beacon. The file was left untouched.")
    }
}
