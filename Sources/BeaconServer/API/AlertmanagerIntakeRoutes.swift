import BeaconCore
import Foundation
public import Hummingbird

/// `POST /api/intake/alertmanager`: Prometheus Alertmanager's webhook (version 4), so a team that already runs
/// Prometheus routes its alerts into Beacon's command chain.
public struct AlertmanagerIntakeRoutes: EnvironmentRoutes {
    let environment: RouteEnvironment

    public init(_ environment: RouteEnvironment) { self.environment = environment }

    struct Payload: Decodable {
        var version: String
        var alerts: [Alert]
    }

    struct Alert: Decodable {
        var status: String
        var labels: [String: String]
        var annotations: [String: String]?
        var startsAt: String?
        var fingerprint: String?
    }

    struct Summary: Encodable {
        var received = 0
        var opened = 0
        var raised = 0
        var resolved = 0
        var unchanged = 0
    }

    public func add(to router: Router<BeaconRequestContext>) {
        router.post("api/intake/alertmanager") { request, context in try await receive(request, context) }
    }

    func receive(_ request: Request, _ context: BeaconRequestContext) async throws -> Response {
        let user = try context.requireIntake(request)
        let payload = try await JSONBody.decode(Payload.self, from: request)
        guard payload.version == "4" else {
            throw APIError(.badRequest, "Only Alertmanager webhook version 4 is understood.", field: "version")
        }
        let config = config()
        let alerts = try payload.alerts.enumerated().map { index, alert in
            try Self.alert(alert, index: index, severity: config.intakeSeverity)
        }
        var summary = Summary()
        var notifications = 0
        for alert in alerts {
            summary.received += 1
            guard let change = try await commands.receive(alert, by: user.login, at: now()) else {
                summary.unchanged += 1
                continue
            }
            notifications += change.notificationsQueued
            switch change.event.kind {
            case .opened: summary.opened += 1
            case .severityRaised: summary.raised += 1
            default: summary.resolved += 1
            }
        }
        if notifications > 0 { queued(notifications) }
        return try JSONBody.response(summary)
    }

    /// Labels that name what an alert is about rather than which series it is.
    static let describingLabels: Set<String> = ["alertname", "severity", "category"]

    /// One alert as Beacon reads it. Its identity is its labels without `severity`, so the tiers of one alert
    /// (`severity: warning`, then `critical`) are one incident; its title is its `summary` (else `title`)
    /// annotation, else its name and the labels that tell its series apart; `description` and a numeric `value`
    /// annotation go on the incident.
    static func alert(
        _ alert: Alert, index: Int, severity: (String?) -> Severity = { Severity(label: $0) }
    ) throws -> ExternalAlert {
        guard alert.status == "firing" || alert.status == "resolved" else {
            throw APIError(.badRequest, "An alert's status is firing or resolved.", field: "alerts[\(index)].status")
        }
        guard let name = alert.labels["alertname"], !name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        else {
            throw APIError(
                .badRequest, "Every alert needs an alertname label.", field: "alerts[\(index)].labels.alertname")
        }
        let labels = Labels(alert.labels)
        let identity = Labels(alert.labels.filter { $0.key != "severity" })
        let series = alert.labels.filter { !describingLabels.contains($0.key) }.sorted { $0.key < $1.key }
        let named =
            series.isEmpty ? name : "\(name) (\(series.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")))"
        let annotations = alert.annotations ?? [:]
        let summary = (annotations["summary"] ?? annotations["title"]).flatMap { $0.isEmpty ? nil : $0 }
        let category = alert.labels["category"].flatMap(BeaconCore.Category.init(rawValue:)) ?? .system
        return ExternalAlert(
            fingerprint: "\(identity)", title: summary ?? named, category: category,
            severity: severity(alert.labels["severity"]), labels: labels, firing: alert.status == "firing",
            startsAt: alert.startsAt.flatMap(RFC3339.date),
            description: annotations["description"].flatMap { $0.isEmpty ? nil : $0 },
            value: annotations["value"].flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }.flatMap {
                $0.isFinite ? $0 : nil
            })
    }
}
