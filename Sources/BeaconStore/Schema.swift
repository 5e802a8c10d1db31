import GRDB

/// The database schema, as a list of migrations.
///
/// A shipped migration is never edited: later changes are new migrations appended here.
enum Schema {
    /// `PRAGMA application_id` of a Beacon database: "BEAC" in ASCII.
    static let applicationID: Int32 = 1_111_834_947

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-incidents", migrate: v1Incidents)
        return migrator
    }

    private static func v1Incidents(_ db: Database) throws {
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        try db.execute(
            sql: """
                CREATE TABLE incident (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    fingerprint TEXT NOT NULL,
                    rule_id TEXT,
                    title TEXT NOT NULL,
                    category TEXT NOT NULL,
                    severity TEXT NOT NULL,
                    peak_severity TEXT NOT NULL,
                    status TEXT NOT NULL,
                    origin TEXT NOT NULL,
                    labels TEXT NOT NULL,
                    value DOUBLE,
                    threshold DOUBLE,
                    peak_value DOUBLE,
                    first_breach_at DOUBLE,
                    opened_at DOUBLE NOT NULL,
                    acknowledged_at DOUBLE,
                    mitigated_at DOUBLE,
                    resolved_at DOUBLE,
                    closed_at DOUBLE,
                    updated_at DOUBLE NOT NULL,
                    declared_by TEXT
                );
                -- One active incident per fingerprint: repeats update it.
                CREATE UNIQUE INDEX incident_active_fingerprint ON incident(fingerprint)
                    WHERE status IN ('open', 'acknowledged', 'mitigated');
                CREATE INDEX incident_opened_at ON incident(opened_at);
                CREATE INDEX incident_status ON incident(status);

                CREATE TABLE timeline_event (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    incident_id INTEGER NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
                    at DOUBLE NOT NULL,
                    kind TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    message TEXT NOT NULL
                );
                CREATE INDEX timeline_event_incident ON timeline_event(incident_id, at);

                -- A series is one rule's values for one label set.
                CREATE TABLE series (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    rule_id TEXT NOT NULL,
                    labels TEXT NOT NULL,
                    UNIQUE (rule_id, labels)
                );
                -- Samples: unix milliseconds and value, clustered by series for window queries.
                CREATE TABLE series_sample (
                    series_id INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
                    at INTEGER NOT NULL,
                    value DOUBLE NOT NULL,
                    PRIMARY KEY (series_id, at)
                ) WITHOUT ROWID;
                """)
    }
}
