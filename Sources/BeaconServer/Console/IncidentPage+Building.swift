import BeaconCore
import Foundation

extension IncidentPage {
    /// Everything recorded about one incident, as the signed-in person's layer sees it.
    struct Record {
        var incident: Incident
        var timeline: [TimelineEvent]
        var steps: [RunStep]
        var approvals: [Approval]
        var acknowledgedBy: String?
    }

    init(
        chrome: PageChrome, record: Record, layer: Layer, config: BeaconConfig, now: Date, filter: TimelineFilter? = nil
    ) {
        let incident = record.incident
        self.chrome = chrome
        self.incident = Self.facts(incident, acknowledgedBy: record.acknowledgedBy, config: config, now: now)
        actions = Self.actions(incident, layer: layer, config: config)
        instruct = layer == .decision && incident.status.isActive
        // People by name (the record keeps logins), with their role for a title; sentences in the reader's words.
        let text = TimelineText(ConsoleFormat.words)
        func entry(_ event: TimelineEvent) -> Entry {
            Entry(
                time: ConsoleFormat.clock(event.at, now: now),
                kind: ConsoleFormat.t("event.\(event.kind.rawValue)"),
                actor: ConsoleFormat.name(event.actor), role: ConsoleFormat.role(event.actor),
                message: text.sentence(event.fact.naming(ConsoleFormat.name)))
        }
        let severityKinds: Set<TimelineKind> = [.opened, .declared, .severityRaised, .severityEased]
        history = record.timeline.filter { severityKinds.contains($0.kind) }.map(entry)
        // Newest first, each run of notification attempts one line that unfolds.
        let shown = record.timeline.filter { filter?.admits($0) ?? true }
        timeline = TimelineLine.fold(shown).reversed().map { line in
            switch line {
            case .event(let event): return entry(event)
            case .notifications(let summary, let attempts):
                var folded = entry(attempts[0])
                folded.message = text.tally(summary)
                folded.attempts = attempts.map(entry)
                folded.folded = true
                return folded
            }
        }
        let base = "/incidents/\(incident.id?.rawValue ?? 0)"
        filters =
            [FilterLink(label: ConsoleFormat.t("filter.all"), href: base + "#timeline", current: filter == nil)]
            + TimelineFilter.allCases.map { option in
                FilterLink(
                    label: ConsoleFormat.t("filter.\(option.rawValue)"),
                    href: "\(base)?show=\(option.rawValue)#timeline", current: option == filter)
            }
        let approvalRows = record.approvals.map { Self.approvalRow($0, layer: layer, now: now) }
        let byStep = Dictionary(zip(record.approvals.map(\.stepID), approvalRows)) { first, _ in first }
        let playbook = record.steps.first.flatMap { config.playbook($0.playbookID) }
        steps = record.steps.map { step in
            Self.stepRow(
                step, of: incident,
                approval: byStep[step.stepID].map { row in
                    var row = row
                    row.details = step.message.flatMap { $0.isEmpty ? nil : $0 }
                    return row
                }, layer: layer, checklist: playbook?.steps.first { $0.id == step.stepID }?.checklist ?? [],
                now: now)
        }
        hasSteps = !steps.isEmpty
        messages = record.steps.enumerated().compactMap { index, step in
            guard let text = step.message, !text.isEmpty else { return nil }
            return MessageTemplate(element: "message-\(index)", title: step.title, text: text)
        }
        hasMessages = !messages.isEmpty
        let stepIDs = Set(record.steps.map(\.stepID))
        otherApprovals = zip(record.approvals, approvalRows).filter { !stepIDs.contains($0.0.stepID) }.map(\.1)
        postmortem = incident.status == .resolved || incident.status == .closed
        self.layer = layer.rawValue
    }

    static func facts(_ incident: Incident, acknowledgedBy: String?, config: BeaconConfig, now: Date) -> Facts {
        var reading: String?
        let format = { config.format($0, rule: incident.ruleID) }
        if let value = incident.value {
            reading = ConsoleFormat.t("console.value", ["value": format(value)])
            if let threshold = incident.threshold {
                reading? += ConsoleFormat.t("console.against", ["threshold": format(threshold)])
            }
            if let peak = incident.peakValue, peak != value {
                reading? += ConsoleFormat.t("console.worst", ["value": format(peak)])
            }
        }
        return Facts(
            id: incident.id?.rawValue ?? 0, title: incident.title, severity: incident.severity.rawValue,
            severityLabel: ConsoleFormat.words.label(incident.severity),
            peakSeverity: incident.peakSeverity != incident.severity ? incident.peakSeverity.rawValue : nil,
            status: incident.status.rawValue, statusText: ConsoleFormat.words.status(incident.status),
            category: ConsoleFormat.words.category(incident.category),
            opened: ConsoleFormat.time(incident.openedAt, now: now),
            age: ConsoleFormat.span(now.timeIntervalSince(incident.openedAt)),
            holder: IncidentRow.holder(incident, acknowledgedBy: acknowledgedBy), reading: reading,
            rule: incident.ruleID?.rawValue,
            labels: incident.labels.isEmpty
                ? nil : incident.labels.map { "\($0.name)=\($0.value)" }.joined(separator: ", "))
    }

    /// The status buttons a layer is offered: the people who work the incident (operation and execution)
    /// move its status and escalate; the decision layer answers what it is asked.
    /// The decision layer escalates (it gives instructions and answers approvals in their own forms); nobody
    /// acts on a finished incident.
    static func actions(_ incident: Incident, layer: Layer, config: BeaconConfig) -> Actions? {
        let status = incident.status
        guard status.isActive else { return nil }
        let works = layer != .decision
        let acknowledge = works && IncidentAction.acknowledge.allowedFrom.contains(status)
        let mitigate = works && IncidentAction.mitigate.allowedFrom.contains(status)
        let resolve = works && IncidentAction.resolve.allowedFrom.contains(status)
        let severities =
            works
            ? Severity.allCases.sorted(by: >).map {
                SelectOption(
                    value: $0.rawValue, label: "\($0.rawValue) \(ConsoleFormat.words.label($0))",
                    selected: $0 == incident.severity)
            } : []
        return Actions(
            acknowledge: acknowledge, mitigate: mitigate, resolve: resolve, status: acknowledge || mitigate || resolve,
            escalate: true, layers: escalationChoices(incident, config: config), severities: severities,
            setSeverity: works)
    }

    /// Every layer, the next one above those already paged selected (the decision layer when all are).
    static func escalationChoices(_ incident: Incident, config: BeaconConfig) -> [SelectOption] {
        let paged = config.paging[incident.severity] ?? [.operation]
        let highest = Layer.allCases.last { paged.contains($0) } ?? .operation
        let target = highest.above ?? .decision
        return Layer.allCases.map { layer in
            SelectOption(
                value: layer.rawValue, label: ConsoleFormat.t("console.escalate.\(layer.rawValue)"),
                selected: layer == target)
        }
    }

    static func approvalRow(_ approval: Approval, layer: Layer, now: Date) -> ApprovalRow {
        let pending = approval.state == .pending && now <= approval.expiresAt
        let state = approval.state == .pending && !pending ? "expired" : approval.state.rawValue
        return ApprovalRow(
            id: approval.id?.rawValue ?? 0, title: approval.title, state: state,
            stateText: ConsoleFormat.t("approval.\(state)"),
            requested: ConsoleFormat.time(approval.requestedAt, now: now),
            expires: ConsoleFormat.time(approval.expiresAt, now: now),
            answeredBy: approval.answeredBy.map(ConsoleFormat.name),
            answered: approval.answeredAt.map { ConsoleFormat.time($0, now: now) }, comment: approval.comment,
            pending: pending, canAnswer: pending && layer == .decision, details: nil)
    }

    static func stepRow(
        _ step: RunStep, of incident: Incident, approval: ApprovalRow?, layer: Layer, checklist: [String], now: Date
    ) -> StepRow {
        // A finished incident has no countdown and no form: what was not done stays not done.
        let finished = !incident.status.isActive
        let waiting = !finished && (step.state == .due || step.state == .missed)
        let stateText: String =
            switch step.state {
            case .pending where finished: ConsoleFormat.t("step.never_asked")
            case .pending:
                step.minSeverity.map { ConsoleFormat.t("step.asked_from", ["severity": $0.rawValue]) }
                    ?? ConsoleFormat.t("step.pending")
            case .due where finished, .missed where finished:
                ConsoleFormat.t("step.not_done_when", ["status": ConsoleFormat.words.status(incident.status)])
            default: ConsoleFormat.t("step.\(step.state.rawValue)")
            }
        let due = step.dueAt.flatMap { date -> Countdown? in
            guard waiting else { return nil }
            return Countdown(
                at: ConsoleFormat.time(date, now: now), millis: ConsoleFormat.millis(date),
                text: ConsoleFormat.countdown(to: date, now: now))
        }
        let late = step.state == .missed || (waiting && (step.dueAt.map { $0 < now } ?? false))
        return StepRow(
            stepID: step.stepID.rawValue, title: step.title, owner: ConsoleFormat.words.layer(step.owner),
            state: step.state.rawValue,
            stateText: stateText,
            emphasis: late ? "late" : (waiting ? "open" : ""), due: due,
            every: step.every.map { ConsoleFormat.t("console.every", ["span": ConsoleFormat.words.duration($0)]) },
            doneBy: step.doneBy.map(ConsoleFormat.name),
            done: step.doneAt.map { ConsoleFormat.time($0, now: now) }, note: step.note, checklist: checklist,
            hasChecklist: !checklist.isEmpty,
            canComplete: waiting && !step.approval && step.owner == layer, approval: approval)
    }
}
