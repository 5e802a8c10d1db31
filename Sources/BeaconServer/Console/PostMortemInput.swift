import BeaconCore
import Foundation

/// Reads the post-mortem page's forms into the model, naming every problem at once.
///
/// A field left out of a form is left as it was; a field sent blank is cleared.
enum PostMortemInput {
    /// What was wrong with a form, one sentence per problem.
    struct Invalid: Error {
        var errors: [String]
    }

    /// The written fields with the form's changes applied, and the names of those that changed.
    /// - Throws: `Invalid` naming each number that is not one.
    static func fields(_ form: ConsoleForm, over current: PostMortemFields) throws -> (PostMortemFields, [String]) {
        var fields = current
        var errors: [String] = []
        if form["root_cause"] != nil { fields.rootCause = form.text("root_cause") }
        if form["trigger"] != nil { fields.trigger = form.text("trigger") }
        /// The new value: `.some(nil)` clears the field; `nil` leaves it as it was (left out, or not a number).
        func read<T>(_ name: String, _ label: String, _ parse: (String) -> T?, _ hint: String) -> T?? {
            guard form[name] != nil else { return nil }
            guard let text = form.text(name) else { return .some(nil) }
            guard let value = parse(text) else {
                errors.append("\(label): “\(text)” \(hint).")
                return nil
            }
            return .some(value)
        }
        if let orders = read("orders_affected", "Orders affected", count, countHint) { fields.ordersAffected = orders }
        if let users = read("users_affected", "Users affected", count, countHint) { fields.usersAffected = users }
        if let revenue = read("revenue_at_risk", "Revenue at risk", amount, amountHint) {
            fields.revenueAtRisk = revenue
        }
        guard errors.isEmpty else { throw Invalid(errors: errors) }
        let changed = [
            ("root cause", fields.rootCause != current.rootCause), ("trigger", fields.trigger != current.trigger),
            ("orders affected", fields.ordersAffected != current.ordersAffected),
            ("users affected", fields.usersAffected != current.usersAffected),
            ("revenue at risk", fields.revenueAtRisk != current.revenueAtRisk),
        ].filter(\.1).map(\.0)
        return (fields, changed)
    }

    /// A new follow-up from the "add a follow-up" form.
    /// - Parameter now: the day it is; a due date before it is refused.
    /// - Throws: `Invalid` naming each missing or wrong field.
    static func newFollowUp(_ form: ConsoleForm, incident: IncidentID, now: Date) throws -> FollowUp {
        var errors: [String] = []
        let kind = form.text("kind").flatMap(FollowUpKind.init(rawValue:))
        if kind == nil {
            let known = FollowUpKind.allCases.map(\.rawValue).joined(separator: ", ")
            errors.append("Type: choose one of \(known).")
        }
        let description = form.text("description")
        if description == nil { errors.append("Action: say what will be done.") }
        let owner = form.text("owner")
        if owner == nil { errors.append("Owner: name who will do it.") }
        var due: Date?
        if let text = form.text("due") {
            due = DueDay.parse(text)
            if due == nil {
                errors.append("Due: “\(text)” is not a date; use the form YYYY-MM-DD, like 2026-12-01.")
            } else if let end = due, end < now {
                errors.append("Due: \(text) has already passed; choose today or a later day.")
            }
        } else {
            errors.append("Due: choose a day.")
        }
        guard errors.isEmpty, let kind, let description, let owner, let due else { throw Invalid(errors: errors) }
        return FollowUp(incidentID: incident, kind: kind, description: description, owner: owner, dueAt: due)
    }

    private static let countHint = "is not a whole number; write digits only, like 1200"
    private static let amountHint = "is not an amount; write digits with an optional decimal point, like 12500.50"

    private static func count(_ text: String) -> Int? {
        guard text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    private static func amount(_ text: String) -> Double? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, !(parts.first ?? "").isEmpty,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }), parts.last?.isEmpty == false,
            let value = Double(text), value.isFinite
        else { return nil }
        return value
    }
}
