import BeaconCore
import BeaconCurl
import BeaconDemo
import BeaconNotify
import Foundation

/// Prints the demo as it happens: the scenario's narration, every incident change and every notification the
/// sinks receive, stamped with the time since the demo started.
struct DemoPrinter: Sendable {
    let started: ContinuousClock.Instant
    /// The configuration's language: the demo speaks it, as the messages it shows do.
    let words: Localizer

    func introduce(config: BeaconConfig, shopURL: String, users: [(String, Layer)]) {
        let logins = words.list(users.map { words("channel.person", ["name": $0.0, "layer": words.layer($0.1)]) })
        write(
            words(
                "demo.introduction",
                [
                    "summary": config.summary(in: words), "shop": shopURL, "console": config.publicURL,
                    "logins": logins,
                    "password": Beacon.Demo.demoPassword,
                ]) + "\n")
    }

    /// The line a phase of the script begins with.
    func narration(_ phase: DemoPhase.Name) -> String { words(phase.narrationKey) }

    func narrate(_ text: String) {
        write("\(stamp)  ~ \(text)")
    }

    func print(_ change: IncidentChange, publicURL: String) {
        let incident = change.incident
        let (mark, word): (String, String) =
            switch change.event.kind {
            case .opened, .declared: ("●", words("demo.opened"))
            case .severityRaised: ("▲", words("demo.raised"))
            case .resolved: ("✓", words("demo.resolved"))
            default: (" ", words("demo.note"))
            }
        let sentence = TimelineText(words).sentence(change.event.fact)
        write(
            "\(stamp)  \(mark) \(word.padding(toLength: 8, withPad: " ", startingAt: 0)) #\(incident.id?.rawValue ?? 0) "
                + "\(incident.severity.rawValue)  \(incident.title): \(sentence)")
        if change.event.kind == .resolved, let id = incident.id {
            write(
                "\(stamp)  ✎ "
                    + words(
                        "demo.postmortem_opened",
                        ["id": "\(id.rawValue)", "url": "\(publicURL)/incidents/\(id.rawValue)/postmortem"]))
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
            let line = Self.headline(delivery, words)
            if groups[line] == nil { order.append(line) }
            groups[line, default: []].append(delivery)
        }
        for line in order {
            let to = groups[line, default: []].map { "\(Self.name(of: $0.recipient, in: config)) (\($0.channel))" }
            write("\(stamp)  ✉ \(line) → \(to.joined(separator: ", "))")
        }
    }

    /// The line that says why the notice was sent (`Paged: operation layer.`, `ESCALATION: …`), else its headline.
    static func headline(_ delivery: DemoDelivery, _ words: Localizer) -> String {
        if delivery.approveURL != nil, delivery.type == .sms { return words("demo.sms_approval") }
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
            write("\(stamp)  ✔ " + words("demo.approved", ["name": recipient, "status": "\(response.status)"]))
        case .failure(let failure):
            write("\(stamp)  ✘ " + words("demo.approve_failed", ["reason": failure.message]))
        }
    }

    func summarize(_ repositories: Repositories) async throws {
        let store = repositories.incidents
        let incidents = try await store.incidents(statuses: [], since: nil, limit: 100)
        var sent: [OutboxEntry] = []
        for id in incidents.compactMap(\.id) { sent += try await store.notifications(id) }
        let delivered = sent.filter { $0.state == .delivered }.count
        write(
            "\n"
                + words(
                    "demo.over",
                    ["incidents": "\(incidents.count)", "delivered": "\(delivered)", "sent": "\(sent.count)"]) + "\n")
        write(IncidentTable.render(incidents.reversed(), now: Date(), words: words))
        guard let first = incidents.last, let id = first.id else { return }
        write("\n" + IncidentTable.detail(first, timeline: try await store.timeline(id), words: words))
        write(
            IncidentTable.command(
                steps: try await store.runSteps(id), approvals: try await store.approvals(id),
                notifications: try await store.notifications(id), words: words))
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
