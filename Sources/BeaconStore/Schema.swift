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
        migrator.registerMigration("v2-command-chain", migrate: v2CommandChain)
        migrator.registerMigration("v3-users", migrate: v3Users)
        migrator.registerMigration("v4-postmortems", migrate: v4PostMortems)
        migrator.registerMigration("v5-follow-up-dates", migrate: v5FollowUpDates)
        migrator.registerMigration("v6-report-indexes", migrate: v6ReportIndexes)
        migrator.registerMigration("v7-assessment-step", migrate: v7AssessmentStep)
        migrator.registerMigration("v8-approval-short-links", migrate: v8ApprovalShortLinks)
        migrator.registerMigration("v9-typed-timeline", migrate: v9TypedTimeline)
        migrator.registerMigration("v10-roster-overrides", migrate: v10RosterOverrides)
        migrator.registerMigration("v11-service-accounts", migrate: v11ServiceAccounts)
        migrator.registerMigration("v12-invitations", migrate: v12Invitations)
        migrator.registerMigration("v13-notifications-without-incident", migrate: v13NotificationsWithoutIncident)
        migrator.registerMigration("v14-incident-description-and-tiers", migrate: v14IncidentDescriptionAndTiers)
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

    private static func v2CommandChain(_ db: Database) throws {
        try db.execute(
            sql: """
                -- The steps of an incident's playbook run.
                CREATE TABLE run_step (
                    incident_id INTEGER NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
                    step_id TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    playbook_id TEXT NOT NULL,
                    title TEXT NOT NULL,
                    owner TEXT NOT NULL,
                    state TEXT NOT NULL,
                    due_at DOUBLE,
                    every DOUBLE,
                    approval BOOLEAN NOT NULL,
                    min_severity TEXT,
                    message TEXT,
                    done_at DOUBLE,
                    done_by TEXT,
                    note TEXT,
                    PRIMARY KEY (incident_id, step_id)
                );

                -- Escalation deadlines: each fires once, in the transaction that records what it caused.
                CREATE TABLE deadline (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    incident_id INTEGER NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    layer TEXT NOT NULL,
                    step_id TEXT,
                    occurrence INTEGER NOT NULL,
                    due_at DOUBLE NOT NULL,
                    fired_at DOUBLE
                );
                CREATE UNIQUE INDEX deadline_identity ON deadline(incident_id, kind, IFNULL(step_id, ''), occurrence);
                CREATE INDEX deadline_pending ON deadline(due_at) WHERE fired_at IS NULL;

                -- What the decision layer is asked; the first answer wins.
                CREATE TABLE approval (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    incident_id INTEGER NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
                    step_id TEXT NOT NULL,
                    title TEXT NOT NULL,
                    state TEXT NOT NULL,
                    requested_at DOUBLE NOT NULL,
                    expires_at DOUBLE NOT NULL,
                    answered_by TEXT,
                    answered_at DOUBLE,
                    comment TEXT,
                    UNIQUE (incident_id, step_id)
                );

                -- The outbox: one notification to one person on one channel, kept until delivered or given up.
                CREATE TABLE notification (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    incident_id INTEGER NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
                    idempotency_key TEXT NOT NULL UNIQUE,
                    base_key TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    person TEXT NOT NULL,
                    layer TEXT NOT NULL,
                    channel_id TEXT NOT NULL,
                    channel_index INTEGER NOT NULL,
                    step_id TEXT,
                    approval_id INTEGER REFERENCES approval(id),
                    recipient TEXT NOT NULL,
                    message TEXT NOT NULL,
                    state TEXT NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at DOUBLE NOT NULL,
                    last_error TEXT,
                    created_at DOUBLE NOT NULL,
                    delivered_at DOUBLE
                );
                CREATE INDEX notification_pending ON notification(next_attempt_at) WHERE state = 'pending';
                CREATE INDEX notification_incident ON notification(incident_id);

                CREATE TABLE setting (
                    key TEXT PRIMARY KEY,
                    value BLOB NOT NULL
                );
                """)
    }

    private static func v3Users(_ db: Database) throws {
        try db.execute(
            sql: """
                -- People who sign in to the console or call the API.
                CREATE TABLE user (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    login TEXT NOT NULL UNIQUE,
                    name TEXT NOT NULL,
                    layer TEXT NOT NULL,
                    admin BOOLEAN NOT NULL DEFAULT 0,
                    password_hash TEXT,
                    disabled BOOLEAN NOT NULL DEFAULT 0,
                    failed_logins INTEGER NOT NULL DEFAULT 0,
                    locked_until DOUBLE,
                    created_at DOUBLE NOT NULL
                );

                -- API tokens, kept only as SHA-256 hashes: shown once, never stored.
                CREATE TABLE api_token (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
                    token_hash TEXT NOT NULL UNIQUE,
                    prefix TEXT NOT NULL,
                    created_at DOUBLE NOT NULL,
                    last_used_at DOUBLE
                );

                -- Console sessions, by the SHA-256 of the cookie value, with their CSRF token.
                CREATE TABLE session (
                    id_hash TEXT PRIMARY KEY,
                    user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
                    csrf TEXT NOT NULL,
                    created_at DOUBLE NOT NULL,
                    expires_at DOUBLE NOT NULL
                );
                """)
    }

    private static func v4PostMortems(_ db: Database) throws {
        try db.execute(
            sql: """
                -- One post-mortem per resolved incident; fields and comments are JSON the team edits.
                CREATE TABLE post_mortem (
                    incident_id INTEGER PRIMARY KEY REFERENCES incident(id) ON DELETE CASCADE,
                    owner TEXT NOT NULL,
                    due_at DOUBLE NOT NULL,
                    fields TEXT NOT NULL,
                    comments TEXT NOT NULL,
                    no_action_reason TEXT,
                    created_at DOUBLE NOT NULL,
                    updated_at DOUBLE NOT NULL
                );

                CREATE TABLE follow_up (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    incident_id INTEGER NOT NULL REFERENCES post_mortem(incident_id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    description TEXT NOT NULL,
                    owner TEXT NOT NULL,
                    due_at DOUBLE NOT NULL,
                    status TEXT NOT NULL,
                    reason TEXT
                );
                CREATE INDEX follow_up_incident ON follow_up(incident_id);
                """)
    }

    private static func v5FollowUpDates(_ db: Database) throws {
        try db.execute(
            sql: """
                -- When each follow-up was opened and closed, for the weekly report.
                ALTER TABLE follow_up ADD COLUMN created_at DOUBLE;
                ALTER TABLE follow_up ADD COLUMN closed_at DOUBLE;
                """)
    }

    private static func v6ReportIndexes(_ db: Database) throws {
        try db.execute(
            sql: """
                -- The weekly report finds follow-ups opened, closed and overdue in a week without a full scan.
                CREATE INDEX follow_up_created ON follow_up(created_at);
                CREATE INDEX follow_up_closed ON follow_up(closed_at);
                CREATE INDEX follow_up_open_due ON follow_up(status, due_at);
                """)
    }

    private static func v7AssessmentStep(_ db: Database) throws {
        try db.execute(
            sql: """
                -- Which execution step is the assessment `assess_within` watches (`assessment: true` in the playbook),
                -- kept with the run so the post-mortem judges the same step the escalation did. Runs from before
                -- this fall back to the execution layer's first step.
                ALTER TABLE run_step ADD COLUMN assessment BOOLEAN NOT NULL DEFAULT 0;
                """)
    }

    private static func v8ApprovalShortLinks(_ db: Database) throws {
        try db.execute(
            sql: """
                -- Short answer links for SMS: only the SHA-256 of the random code is kept; each is used once.
                CREATE TABLE approval_link (
                    code_hash TEXT PRIMARY KEY,
                    approval_id INTEGER NOT NULL REFERENCES approval(id) ON DELETE CASCADE,
                    person TEXT NOT NULL,
                    expires_at DOUBLE NOT NULL,
                    created_at DOUBLE NOT NULL,
                    used_at DOUBLE
                );
                -- /healthz asks on every probe which channels failed in the last hour: by time, not a full scan.
                CREATE INDEX notification_created ON notification(created_at);
                """)
    }

    /// Timeline events are stored as facts (a kind and a typed payload, JSON), told as sentences where they are
    /// read; rows from before keep their sentence in `message` and no fact.
    private static func v9TypedTimeline(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE timeline_event ADD COLUMN fact TEXT")
    }

    /// Who was put on duty by hand over a roster's layers. Removing one keeps the row (who removed it, when).
    private static func v10RosterOverrides(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE roster_override (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    roster TEXT NOT NULL,
                    person TEXT NOT NULL,
                    from_at DOUBLE NOT NULL,
                    to_at DOUBLE NOT NULL CHECK (to_at > from_at),
                    created_by TEXT NOT NULL,
                    reason TEXT,
                    created_at DOUBLE NOT NULL,
                    removed_at DOUBLE,
                    removed_by TEXT
                );
                CREATE INDEX roster_override_span ON roster_override (to_at, from_at);
                """)
    }

    /// Service accounts (a scope, no layer) beside the chain's people; existing users stay people, their layer
    /// read from the chain from now on.
    private static func v11ServiceAccounts(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE user ADD COLUMN service TEXT")
    }

    /// One-time links that let a person of the chain set their password; only the code's hash is kept.
    private static func v12Invitations(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE invitation (
                    code_hash TEXT PRIMARY KEY,
                    login TEXT NOT NULL,
                    expires_at DOUBLE NOT NULL,
                    used_at DOUBLE,
                    created_at DOUBLE NOT NULL
                )
                """)
    }

    /// A notification may be about no incident (a handoff, an invitation): SQLite cannot drop a `NOT NULL`, so the
    /// table is made again and its rows copied (foreign keys are checked at the end of the migration).
    private static func v13NotificationsWithoutIncident(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE notification_new (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    incident_id INTEGER REFERENCES incident(id) ON DELETE CASCADE,
                    idempotency_key TEXT NOT NULL UNIQUE,
                    base_key TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    person TEXT NOT NULL,
                    layer TEXT NOT NULL,
                    channel_id TEXT NOT NULL,
                    channel_index INTEGER NOT NULL,
                    step_id TEXT,
                    approval_id INTEGER REFERENCES approval(id),
                    recipient TEXT NOT NULL,
                    message TEXT NOT NULL,
                    state TEXT NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at DOUBLE NOT NULL,
                    last_error TEXT,
                    created_at DOUBLE NOT NULL,
                    delivered_at DOUBLE
                );
                INSERT INTO notification_new SELECT
                    id, incident_id, idempotency_key, base_key, kind, person, layer, channel_id, channel_index, step_id,
                    approval_id, recipient, message, state, attempts, next_attempt_at, last_error, created_at,
                    delivered_at
                FROM notification;
                DROP TABLE notification;
                ALTER TABLE notification_new RENAME TO notification;
                CREATE INDEX notification_pending ON notification(next_attempt_at) WHERE state = 'pending';
                CREATE INDEX notification_incident ON notification(incident_id);
                CREATE INDEX notification_created ON notification(created_at);
                """)
    }

    /// A declared incident's description, and the tiers of an Alertmanager incident's alerts that fire.
    private static func v14IncidentDescriptionAndTiers(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE incident ADD COLUMN description TEXT;
                ALTER TABLE incident ADD COLUMN firing_tiers TEXT;
                """)
    }
}
