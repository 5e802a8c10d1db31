import BeaconCore
import Foundation

/// `GET /incidents/{id}`: the incident, its run, its timeline, and what the signed-in layer can do about it.
struct IncidentPage {
    struct Facts {
        var id: Int64
        var title: String
        var severity: String
        var severityLabel: String
        /// The worst severity reached, when it differs from the current one.
        var peakSeverity: String?
        var status: String
        var statusText: String
        var category: String
        var opened: String
        var age: String
        var holder: String
        /// `Value 0.82 against 0.9 (peak 0.71)`.
        var reading: String?
        var rule: String?
        var labels: String?
    }

    /// The status buttons, the severity, and escalation.
    struct Actions {
        var acknowledge: Bool
        var mitigate: Bool
        var resolve: Bool
        /// Whether any status button shows.
        var status: Bool
        var escalate: Bool
        var layers: [SelectOption]
        /// The severities to set, the current one selected; empty when the layer may not set it.
        var severities: [SelectOption]
        var setSeverity: Bool
    }

    struct Entry {
        var time: String
        var kind: String
        var actor: String
        /// The actor's role, shown on hover or long-press.
        var role: String?
        var message: String
        /// For a folded line of notifications: the attempts it stands for.
        var attempts: [Entry] = []
        /// Stored, not computed: the templates read values by reflection.
        var folded = false
    }

    /// A link that filters the timeline (`?show=people`), the current one marked.
    struct FilterLink {
        var label: String
        var href: String
        var current: Bool
    }

    struct Countdown {
        var at: String
        var millis: Int64
        var text: String
    }

    struct ApprovalRow {
        var id: Int64
        var title: String
        var state: String
        var stateText: String
        var requested: String
        var expires: String
        var answeredBy: String?
        var answered: String?
        var comment: String?
        var pending: Bool
        var canAnswer: Bool
        /// What is to be approved: the text the step would publish, if it has one.
        var details: String?
    }

    struct StepRow {
        var stepID: String
        var title: String
        var owner: String
        var state: String
        /// The state as a person reads it: `asked from sev2`, `not done when resolved`.
        var stateText: String
        /// `open` or `late`, for the left border.
        var emphasis: String
        var due: Countdown?
        var every: String?
        var doneBy: String?
        var done: String?
        var note: String?
        var checklist: [String]
        var hasChecklist: Bool
        var canComplete: Bool
        var approval: ApprovalRow?
    }

    struct MessageTemplate {
        var element: String
        var title: String
        var text: String
    }

    var chrome: PageChrome
    var incident: Facts
    var actions: Actions?
    /// The decision layer's instruction form, on an active incident.
    var instruct: Bool
    var history: [Entry]
    var timeline: [Entry]
    var filters: [FilterLink]
    var steps: [StepRow]
    var hasSteps: Bool
    var messages: [MessageTemplate]
    var hasMessages: Bool
    var otherApprovals: [ApprovalRow]
    var postmortem: Bool
    var layer: String
}
