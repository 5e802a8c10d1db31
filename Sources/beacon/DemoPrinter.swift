import BeaconCore
import BeaconStore
import Foundation

/// Prints the demo as it happens: the scenario's narration and every incident change, stamped with the time
/// since the demo started.
struct DemoPrinter: Sendable {
    let started: ContinuousClock.Instant

    func introduce(config: BeaconConfig, shopURL: String, store: String) {
        write(
            """
            Beacon demo: \(config.summary).
            The simulated shop serves its metrics at \(shopURL); every rule polls it each second, and `for`,
            `resolve_after` and change windows are compressed so a minute shows what an hour would.
            Store: \(store)/beacon.sqlite

            """)
    }

    func narrate(_ text: String) {
        write("\(stamp)  ~ \(text)")
    }

    func print(_ change: IncidentChange) {
        let incident = change.incident
        let number = "#\(incident.id?.rawValue ?? 0)"
        let (mark, word): (String, String) =
            switch change.event.kind {
            case .opened, .declared: ("●", "OPENED")
            case .severityRaised: ("▲", "RAISED")
            case .resolved: ("✓", "RESOLVED")
            default: (" ", "note")
            }
        write(
            "\(stamp)  \(mark) \(word.padding(toLength: 8, withPad: " ", startingAt: 0)) \(number) "
                + "\(incident.severity.rawValue)  \(incident.title): \(change.event.message)")
    }

    func summarize(_ store: BeaconStore) throws {
        let incidents = try store.incidents(limit: 100)
        write("\nDemo over: \(incidents.count) incidents.\n")
        write(IncidentTable.render(incidents.reversed(), now: Date()))
        guard let first = incidents.last, let id = first.id else { return }
        write("\n" + IncidentTable.detail(first, timeline: try store.timeline(id)))
    }

    /// Prints a line at once, even when standard output is a pipe.
    private func write(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    private var stamp: String {
        let seconds = Int((ContinuousClock.now - started).components.seconds)
        return String(format: "[%02d:%02d]", seconds / 60, seconds % 60)
    }
}
