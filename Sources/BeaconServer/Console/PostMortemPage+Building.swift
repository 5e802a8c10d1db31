import BeaconCore
import Foundation

extension PostMortemPage {
    /// A form refused for what was typed into it: the page is shown again with the form as sent, so nothing
    /// typed is lost, and what was wrong next to it.
    struct Rejected: Error {
        enum Form { case fields, followUp, noAction }
        var form: Form
        var sent: ConsoleForm
        var errors: [String]
    }

    /// - Parameters:
    ///   - report: the post-mortem, or nil when the incident has none.
    ///   - rejected: a form to show as it was sent, with its errors.
    init(
        chrome: PageChrome, incident: Incident, report: PostMortemReport?, canWrite: Bool, chain: CommandChain,
        now: Date, rejected: Rejected? = nil
    ) {
        self.chrome = chrome
        self.canWrite = canWrite
        let postMortem = report?.postMortem
        // A closed incident's post-mortem is done: it says when it closed, not when it is due.
        let closedAt = incident.status == .closed ? incident.closedAt : nil
        let open = postMortem.flatMap { closedAt == nil ? $0 : nil }
        header = Header(
            id: incident.id?.rawValue ?? 0, title: incident.title, status: incident.status.rawValue,
            statusText: ConsoleFormat.words.status(incident.status),
            owner: postMortem.map { ConsoleFormat.words.layer($0.owner) },
            due: open.map { ConsoleFormat.time($0.dueAt, now: now) },
            dueIn: open.map { ConsoleFormat.countdown(to: $0.dueAt, now: now) },
            overdue: open.map { $0.dueAt < now } ?? false, closed: closedAt.map { ConsoleFormat.time($0, now: now) })
        guard let report else {
            absent = Self.absent(incident, canWrite: canWrite)
            body = nil
            return
        }
        absent = nil
        body = Self.body(report, incident: incident, chain: chain, now: now, rejected: rejected)
    }

    static func absent(_ incident: Incident, canWrite: Bool) -> Absent {
        if incident.status.isActive {
            return Absent(
                message: ConsoleFormat.t(
                    "postmortem.opens_when_resolved", ["status": ConsoleFormat.words.status(incident.status)]),
                canOpen: false)
        }
        let message =
            canWrite
            ? ConsoleFormat.t("postmortem.resolved_without")
            : ConsoleFormat.t("postmortem.none_yet")
        return Absent(message: message, canOpen: canWrite)
    }

    static func body(
        _ report: PostMortemReport, incident: Incident, chain: CommandChain, now: Date, rejected: Rejected?
    ) -> Body {
        let draft = report.draft
        let missing = report.missingForClose.map { $0.text(in: ConsoleFormat.words) }
        let closed = incident.status == .closed
        let banner = Banner(
            missing: missing, blocked: !missing.isEmpty && !closed, ready: missing.isEmpty && !closed, closed: closed,
            canClose: incident.status == .resolved && missing.isEmpty)
        let followUps = report.followUps.map { followUpRow($0, now: now) }
        let refused = rejected.map { rejected in
            let anchor =
                switch rejected.form {
                case .fields: "why"
                case .followUp: "add-follow-up"
                case .noAction: "no-action"
                }
            return Refused(errors: rejected.errors, anchor: anchor)
        }
        return Body(
            refused: refused, banner: banner, what: what(draft.what), when: when(draft.when, now: now),
            who: who(draft.who), whereAffected: whereAffected(draft.whereAffected.labels),
            how: how(draft.how, now: now),
            fields: fields(report.postMortem.fields, sent: rejected?.form == .fields ? rejected : nil),
            findings: report.findings.map { findingCard($0, comment: report.postMortem.comments[$0.kind]) },
            followUps: followUps, hasFollowUps: !followUps.isEmpty,
            newFollowUp: newFollowUp(chain: chain, now: now, sent: rejected?.form == .followUp ? rejected : nil),
            noAction: noAction(report.postMortem.noActionReason, sent: rejected?.form == .noAction ? rejected : nil))
    }

    static func what(_ what: PostMortemDraft.What) -> What {
        let peak = what.peakValue.map { value in
            ConsoleFormat.value(value)
                + (what.threshold.map {
                    ConsoleFormat.t("postmortem.vs_threshold", ["threshold": ConsoleFormat.value($0)])
                } ?? "")
        }
        return What(
            title: what.title, rule: what.ruleID?.rawValue, category: ConsoleFormat.words.category(what.category),
            severity: what.peakSeverity.rawValue, severityLabel: ConsoleFormat.words.label(what.peakSeverity),
            peak: peak)
    }

    static func when(_ when: PostMortemDraft.When, now: Date) -> When {
        let first = when.milestones.first?.at
        let milestones = when.milestones.map { milestone in
            let offset = first.map { milestone.at.timeIntervalSince($0) } ?? 0
            return Milestone(
                name: PostMortemText(ConsoleFormat.words).milestone(milestone),
                at: ConsoleFormat.clock(milestone.at, now: now),
                offset: offset == 0 ? ConsoleFormat.t("postmortem.start") : "+" + ConsoleFormat.words.readable(offset))
        }
        let durations = [
            (ConsoleFormat.t("postmortem.time_to_detect"), when.timeToDetect),
            (ConsoleFormat.t("postmortem.time_to_acknowledge"), when.timeToAcknowledge),
            (ConsoleFormat.t("postmortem.time_to_mitigate"), when.timeToMitigate),
            (ConsoleFormat.t("postmortem.time_to_resolve"), when.timeToResolve),
        ].compactMap { name, value in value.map { Pair(name: name, value: ConsoleFormat.words.readable($0)) } }
        return When(milestones: milestones, durations: durations, hasDurations: !durations.isEmpty)
    }

    /// The people by name, layer and role; each paged layer with who of it was paged.
    static func who(_ who: PostMortemDraft.Who) -> Who {
        let text = PostMortemText(ConsoleFormat.words)
        let people = who.acted.map(text.participant)
        let layers = who.paged.map { paged in
            Pair(
                name: "\(ConsoleFormat.words.layer(paged.layer)) — \(ConsoleFormat.t("duty.\(paged.layer.rawValue)"))",
                value: paged.people.map(\.nameAndRole).joined(separator: ConsoleFormat.t("edit.separator")))
        }
        return Who(people: people, nobody: people.isEmpty, layers: layers, noLayers: layers.isEmpty)
    }

    static func whereAffected(_ labels: Labels) -> Where {
        let texts = labels.map { "\($0.name)=\($0.value)" }
        return Where(labels: texts, noLabels: texts.isEmpty)
    }

    static func how(_ how: PostMortemDraft.How, now: Date) -> How {
        let steps = how.steps.map { step in
            StepDone(
                title: step.title, owner: ConsoleFormat.words.layer(step.owner),
                by: step.doneBy ?? ConsoleFormat.t("postmortem.unknown"),
                at: ConsoleFormat.time(step.doneAt, now: now))
        }
        let approvals = how.approvals.map { approval in
            ApprovalDone(
                title: approval.title, outcome: approval.outcome.rawValue,
                outcomeText: ConsoleFormat.t("approval.\(approval.outcome.rawValue)"),
                answer: approval.answeredAt.map {
                    ConsoleFormat.t(
                        "postmortem.answered_by",
                        [
                            "name": approval.answeredBy ?? ConsoleFormat.t("postmortem.unknown"),
                            "time": ConsoleFormat.time($0, now: now),
                        ])
                })
        }
        return How(steps: steps, approvals: approvals, nothing: steps.isEmpty && approvals.isEmpty)
    }

    static func fields(_ stored: PostMortemFields, sent: Rejected?) -> Fields {
        func value(_ name: String, _ stored: String) -> String { sent?.sent[name] ?? stored }
        func shown(_ name: String, _ text: String?) -> Pair {
            Pair(name: name, value: text ?? ConsoleFormat.t("postmortem.not_written"))
        }
        return Fields(
            rootCause: value("root_cause", stored.rootCause ?? ""), trigger: value("trigger", stored.trigger ?? ""),
            ordersAffected: value("orders_affected", stored.ordersAffected.map(String.init) ?? ""),
            usersAffected: value("users_affected", stored.usersAffected.map(String.init) ?? ""),
            revenueAtRisk: value("revenue_at_risk", stored.revenueAtRisk.map(plain) ?? ""),
            impactShown: [
                shown(
                    ConsoleFormat.t("postmortem.orders_affected"),
                    stored.ordersAffected.map { ValueUnit.count.format(Double($0)) }),
                shown(
                    ConsoleFormat.t("postmortem.users_affected"),
                    stored.usersAffected.map { ValueUnit.count.format(Double($0)) }),
                shown(ConsoleFormat.t("postmortem.revenue_at_risk"), stored.revenueAtRisk.map(ValueUnit.yuan.format)),
            ],
            whyShown: [
                shown(ConsoleFormat.t("postmortem.root_cause"), stored.rootCause),
                shown(ConsoleFormat.t("postmortem.trigger"), stored.trigger),
            ])
    }

    static func findingCard(_ finding: Finding, comment: String?) -> FindingCard {
        FindingCard(
            kind: finding.kind.rawValue, question: ConsoleFormat.t("finding.\(finding.kind.rawValue).question"),
            verdict: ConsoleFormat.t(finding.verdict ? "postmortem.yes" : "postmortem.no"),
            yes: finding.verdict, evidence: finding.facts.map(FindingText(ConsoleFormat.words).sentence),
            comment: comment ?? "",
            hasComment: !(comment ?? "").isEmpty)
    }

    static func followUpRow(_ item: FollowUp, now: Date) -> FollowUpRow {
        FollowUpRow(
            id: item.id ?? 0, kind: kindLabel(item.kind), description: item.description, owner: item.owner,
            due: DueDay.text(item.dueAt), overdue: item.isOverdue(at: now), status: item.status.rawValue,
            statusLabel: ConsoleFormat.t("follow_up.\(item.status.rawValue)"), reason: item.reason,
            isOpen: item.status == .open)
    }

    static func kindLabel(_ kind: FollowUpKind) -> String {
        switch kind {
        case .plan: ConsoleFormat.t("follow_up.kind.plan")
        case .knowledgeBase: ConsoleFormat.t("follow_up.kind.knowledge_base")
        case .training: ConsoleFormat.t("follow_up.kind.training")
        case .other: ConsoleFormat.t("follow_up.kind.other")
        }
    }

    static func newFollowUp(chain: CommandChain, now: Date, sent: Rejected?) -> NewFollowUp {
        let form = sent?.sent
        let kind = form?["kind"] ?? FollowUpKind.plan.rawValue
        return NewFollowUp(
            kinds: FollowUpKind.allCases.map {
                SelectOption(value: $0.rawValue, label: kindLabel($0), selected: $0.rawValue == kind)
            }, description: form?["description"] ?? "", owner: form?["owner"] ?? "", due: form?["due"] ?? "",
            today: DueDay.text(now), people: chain.people.map(\.name))
    }

    static func noAction(_ stored: String?, sent: Rejected?) -> NoAction {
        NoAction(reason: sent?.sent["reason"] ?? stored ?? "")
    }

    /// An amount as a person types it back: no grouping, no exponent.
    static func plain(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let text = String(value)
        return text.contains("e") ? String(format: "%.6f", value) : text
    }
}
