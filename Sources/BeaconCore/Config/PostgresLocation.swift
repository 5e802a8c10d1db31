import Foundation

/// Where a PostgreSQL store is: `postgres://user:password@host:5432/database?sslmode=verify-full`, as the
/// `store:` of beacon.yaml gives it (`postgresql://` too).
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    /// How the connection is secured, as libpq's `sslmode` says it.
    public enum TLSMode: String, Sendable, Hashable, CaseIterable {
        /// No TLS.
        case disable
        /// TLS when the server offers it, without checking its certificate (libpq's default).
        case prefer
        /// TLS, without checking the certificate.
        case require
        /// TLS, with the certificate checked against the system's trust roots and the host name.
        case verifyFull = "verify-full"
    }

    /// Why a store address is not a PostgreSQL one Beacon can use.
    public struct Invalid: Error, Hashable, Sendable, CustomStringConvertible {
        public var problem: ConfigProblem
        public var description: String { problem.description }
    }

    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    public var tls: TLSMode

    /// Whether `store` names PostgreSQL rather than an SQLite file.
    public static func isPostgres(_ store: String) -> Bool {
        let lower = store.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    public init(parsing text: String) throws(Invalid) {
        guard Self.isPostgres(text), let parts = URLComponents(string: text), let host = parts.host, !host.isEmpty
        else {
            throw Invalid(problem: ConfigProblem("check.postgres_url", ["found": "\(Self.redacted(text))"]))
        }
        guard let user = parts.user, !user.isEmpty else {
            throw Invalid(problem: ConfigProblem("check.postgres_user", ["url": "\(Self.redacted(text))"]))
        }
        let database = String(parts.path.drop { $0 == "/" })
        guard !database.isEmpty else {
            throw Invalid(problem: ConfigProblem("check.postgres_database", ["url": "\(Self.redacted(text))"]))
        }
        let mode = parts.queryItems?.first { $0.name == "sslmode" }?.value ?? TLSMode.prefer.rawValue
        guard let tls = TLSMode(rawValue: mode) else {
            let known = TLSMode.allCases.map(\.rawValue).joined(separator: ", ")
            throw Invalid(problem: ConfigProblem("check.postgres_sslmode", ["mode": "\(mode)", "allowed": "\(known)"]))
        }
        self.host = host
        port = parts.port ?? 5432
        self.user = user.removingPercentEncoding ?? user
        password = parts.password.map { $0.removingPercentEncoding ?? $0 }
        self.database = database.removingPercentEncoding ?? database
        self.tls = tls
    }

    /// The address without its password, for logs and messages.
    public var description: String {
        "postgres://\(user)\(password == nil ? "" : ":***")@\(host):\(port)/\(database)?sslmode=\(tls.rawValue)"
    }

    /// `text` with any password replaced, for an error message.
    static func redacted(_ text: String) -> String {
        text.replacing(/:\/\/([^:@\/]*):[^@\/]*@/) { "://\($0.output.1):***@" }
    }
}
