import BeaconCore
import BeaconCurl
import BeaconDemo
import BeaconNotify
import Foundation

/// Prints the demo as it happens: the scenario's narration, every incident change and every notification the
/// sinks receive, stamped with the time since the demo started.
struct DemoPrinter: Sendable {
    let started: ContinuousClock.Instant

    func introduce(config: BeaconConfig, shopURL: String, users: [(String, Layer)]) {
        let logins = users.map { "\($0.0) (\($0.1.rawValue))" }.joined(separator: ", ")
        write(
            """
            Beacon demo: \(config.summary).
            The simulated shop serves its metrics at \(shopURL); every rule polls it each second, and `for`,
            `resolve_after`, windows and deadlines are compressed so a minute shows what an hour would.
            Every channel delivers to local sinks (chat robots, SMS gateway, e-mail). Nobody acknowledges, so
            incidents escalate; the CEO approves from the link in her notification.
            Console: \(config.publicURL) — sign in as \(logins); password \(Beacon.Demo.demoPassword)

            """)
    }

    func narrate(_ text: String) {
        write("\(stamp)  ~ \(text)")
    }

    func print(_ change: IncidentChange, publicURL: String) {
        let incident = change.incident
        let (mark, word): (String, String) =
            switch change.event.kind {
            case .opened, .declared: ("●", "OPENED")
            case .severityRaised: ("▲", "RAISED")
            case .resolved: ("✓", "RESOLVED")
            default: (" ", "note")
            }
        write(
            "\(stamp)  \(mark) \(word.padding(toLength: 8, withPad: " ", startingAt: 0)) #\(incident.id?.rawValue ?? 0) "
                + "\(incident.severity.rawValue)  \(incident.title): \(change.event.message)")
        if change.event.kind == .resolved, let id = incident.id {
            write(
                "\(stamp)  ✎ post-mortem  #\(id.rawValue) opened, prefilled from the record: "
                    + "\(publicURL)/incidents/\(id.rawValue)/postmortem")
        }
    }

    /// Prints notifications as they arrive, grouped by message, and answers the first approval by its link.
    func follow(_ deliveries: AsyncStream<DemoDelivery>, config: BeaconConfig, answeringWith client: CurlClient) async {
        let buffer = Locked<[DemoDelivery]>([])
        let flusher = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(400))
                flush(buffer.take(), config: config)
            }
        }
        var answered = false
        for await delivery in deliveries {
            buffer.append(delivery)
            if !answered, let link = delivery.approveURL {
                answered = true
                let name = Self.name(of: delivery.recipient, in: config)
                Task { await approve(link, recipient: name, client: client) }
            }
        }
        flusher.cancel()
        flush(buffer.take(), config: config)
    }

    private func flush(_ deliveries: [DemoDelivery], config: BeaconConfig) {
        var order: [String] = []
        var groups: [String: [DemoDelivery]] = [:]
        for delivery in deliveries {
            let line = Self.headline(delivery)
            if groups[line] == nil { order.append(line) }
            groups[line, default: []].append(delivery)
        }
        for line in order {
            let to = groups[line, default: []].map { "\(Self.name(of: $0.recipient, in: config)) (\($0.channel))" }
            write("\(stamp)  ✉ \(line) → \(to.joined(separator: ", "))")
        }
    }

    /// The line that says why the notice was sent (`Paged: operation layer.`, `ESCALATION: …`), else its headline.
    static func headline(_ delivery: DemoDelivery) -> String {
        if delivery.approveURL != nil, delivery.type == .sms { return "Approval asked: one link to approve or reject" }
        let lines = delivery.text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        let reason = lines.first { line in
            !line.isEmpty && !line.hasPrefix("[sev") && !line.hasPrefix("#") && !line.hasPrefix("**[")
                && !line.hasPrefix("SEV")
        }
        let text = reason.map { $0.replacingOccurrences(of: "**", with: "") } ?? delivery.headline
        return text.count > 90 ? String(text.prefix(89)) + "…" : text
    }

    /// A person's name from how a channel addressed them: a name, a mobile number or an e-mail address.
    static func name(of recipient: String?, in config: BeaconConfig) -> String {
        guard let recipient else { return "?" }
        // A group message names several people (`13800000101, 13800000102`): each by name.
        if recipient.contains(", ") {
            return recipient.components(separatedBy: ", ").map { name(of: $0, in: config) }.joined(separator: ", ")
        }
        let person = config.chain.people.first { person in
            person.name == recipient || person.mobile == recipient || person.email == recipient
                || recipient.contains(person.email ?? "\u{0}")
        }
        return person?.name ?? recipient
    }

    private func approve(_ link: String, recipient: String, client: CurlClient) async {
        try? await Task.sleep(for: .seconds(3))
        let result = await client.perform(
            .post(
                link, headers: [.init("Content-Type", "application/x-www-form-urlencoded")],
                body: Array("decision=approve&comment=Approved+from+the+demo".utf8), timeout: .seconds(5)))
        switch result {
        case .success(let response):
            write("\(stamp)  ✔ \(recipient) taps Approve on the link in the notification: HTTP \(response.status)")
        case .failure(let failure):
            write("\(stamp)  ✘ the approval link failed: \(failure.message)")
        }
    }

    func summarize(_ repositories: Repositories) async throws {
        let store = repositories.incidents
        let incidents = try await store.incidents(statuses: [], since: nil, limit: 100)
        var sent: [OutboxEntry] = []
        for id in incidents.compactMap(\.id) { sent += try await store.notifications(id) }
        let delivered = sent.filter { $0.state == .delivered }.count
        write("\nDemo over: \(incidents.count) incidents, \(delivered) of \(sent.count) notifications delivered.\n")
        write(IncidentTable.render(incidents.reversed(), now: Date()))
        guard let first = incidents.last, let id = first.id else { return }
        write("\n" + IncidentTable.detail(first, timeline: try await store.timeline(id)))
        write(
            IncidentTable.command(
                steps: try await store.runSteps(id), approvals: try await store.approvals(id),
                notifications: try await store.notifications(id)))
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
