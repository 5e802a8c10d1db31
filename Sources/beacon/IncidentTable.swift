import BeaconCore
import BeaconServer
import Foundation

/// Incidents as text for a terminal.
enum IncidentTable {
    static func render(_ incidents: [Incident], now: Date) -> String {
        let rows = incidents.map { incident in
            [
                "#\(incident.id?.rawValue ?? 0)", incident.severity.rawValue, incident.status.rawValue,
                age(now.timeIntervalSince(incident.openedAt)), incident.title,
            ]
        }
        return table(header: ["ID", "SEV", "STATUS", "AGE", "TITLE"], rows: rows)
    }

    static func detail(_ incident: Incident, timeline: [TimelineEvent]) -> String {
        var lines = [
            "#\(incident.id?.rawValue ?? 0) \(incident.title)",
            "  severity  \(incident.severity.rawValue) (\(incident.severity.label)), peak \(incident.peakSeverity.rawValue)",
            "  status    \(incident.status.rawValue)",
            "  category  \(incident.category.rawValue)",
            "  origin    \(incident.origin.rawValue)" + (incident.ruleID.map { ", rule \($0)" } ?? "")
                + (incident.declaredBy.map { ", declared by \($0)" } ?? ""),
        ]
        if !incident.labels.isEmpty { lines.append("  labels    \(incident.labels)") }
        if let value = incident.value {
            lines.append(
                "  value     \(value.formatted(maxFractionDigits: 4))"
                    + (incident.threshold.map { " (level \($0.formatted(maxFractionDigits: 4)))" } ?? "")
                    + (incident.peakValue.map { ", peak \($0.formatted(maxFractionDigits: 4))" } ?? ""))
        }
        lines.append("  opened    \(stamp(incident.openedAt))")
        lines.append("")
        lines.append("Timeline")
        // Each run of notification attempts one line, as the console folds it.
        lines += TimelineLine.fold(timeline).map { line in
            let first = line.first
            return
                "  \(stamp(first.at))  \(first.actor.padding(toLength: 10, withPad: " ", startingAt: 0)) \(line.text)"
        }
        return lines.joined(separator: "\n")
    }

    /// The playbook run, the approvals and the outbox of an incident.
    static func command(steps: [RunStep], approvals: [Approval], notifications: [OutboxEntry]) -> String {
        var lines: [String] = []
        if !steps.isEmpty {
            lines += ["", "Playbook \(steps[0].playbookID)"]
            lines += steps.map { step in
                let due = step.dueAt.map { " due \(stamp($0))" } ?? ""
                let done = step.doneBy.map { " by \($0)" } ?? ""
                let kind =
                    step.approval
                    ? " [approval]" : step.every.map { " [every \(Duration.seconds($0).configText)]" } ?? ""
                return "  \(step.state.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) "
                    + "\(step.owner.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(step.stepID)\(kind)\(due)\(done)"
            }
        }
        if !approvals.isEmpty {
            lines += ["", "Approvals"]
            lines += approvals.map { approval in
                "  \(approval.id ?? 0)  \(approval.state.rawValue)  \(approval.title)"
                    + (approval.answeredBy.map { " — by \($0)" } ?? "")
            }
        }
        if !notifications.isEmpty {
            let delivered = notifications.filter { $0.state == .delivered }.count
            let pending = notifications.filter { $0.state == .pending }.count
            lines += [
                "",
                "Notifications: \(delivered) delivered, \(pending) pending, \(notifications.count - delivered - pending) failed",
            ]
            var failing: [String: String] = [:]
            for entry in notifications where entry.state != .delivered {
                if let error = entry.lastError { failing[entry.channelID] = error }
            }
            for entry in notifications where entry.state == .delivered { failing[entry.channelID] = nil }
            lines += failing.sorted { $0.key < $1.key }.map { "  channel \($0.key) failing: \($0.value)" }
        }
        return lines.joined(separator: "\n")
    }

    static func stamp(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false).timeSeparator(.colon))
    }

    /// Where the post-mortem stands and what it still needs.
    static func postMortem(_ postMortem: PostMortemStatusResource, id: Int64, calendar: Calendar) -> String {
        let due = MessageComposer.dayText(postMortem.dueAt, in: calendar)
        var lines = [
            "\nPost-mortem: the \(postMortem.owner.rawValue) layer writes it by \(due); "
                + "\(postMortem.followUps) follow-ups, \(postMortem.followUpsOpen) open"
        ]
        if postMortem.missingForClose.isEmpty {
            lines.append("  Complete: the incident may close.")
        } else {
            lines.append("  Before it can close: \(postMortem.missingForClose.joined(separator: "; ")).")
        }
        lines.append("  beacon postmortem show \(id)")
        return lines.joined(separator: "\n")
    }

    static func age(_ seconds: TimeInterval) -> String {
        switch seconds {
        case ..<60: "\(Int(seconds))s"
        case ..<3600: "\(Int(seconds / 60))m"
        case ..<86_400: "\(Int(seconds / 3600))h\(Int(seconds.truncatingRemainder(dividingBy: 3600) / 60))m"
        default: "\(Int(seconds / 86_400))d"
        }
    }

    private static func table(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
