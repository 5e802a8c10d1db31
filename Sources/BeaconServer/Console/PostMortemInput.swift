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
                errors.append(ConsoleFormat.t(hint, ["label": label, "text": text]))
                return nil
            }
            return .some(value)
        }
        let (orders, users, revenue) = (
            ConsoleFormat.t("postmortem.orders_affected"), ConsoleFormat.t("postmortem.users_affected"),
            ConsoleFormat.t("postmortem.revenue_at_risk")
        )
        if let orders = read("orders_affected", orders, count, countHint) { fields.ordersAffected = orders }
        if let users = read("users_affected", users, count, countHint) { fields.usersAffected = users }
        if let revenue = read("revenue_at_risk", revenue, amount, amountHint) {
            fields.revenueAtRisk = revenue
        }
        guard errors.isEmpty else { throw Invalid(errors: errors) }
        let changed = [
            ("field.root_cause", fields.rootCause != current.rootCause),
            ("field.trigger", fields.trigger != current.trigger),
            ("field.orders_affected", fields.ordersAffected != current.ordersAffected),
            ("field.users_affected", fields.usersAffected != current.usersAffected),
            ("field.revenue_at_risk", fields.revenueAtRisk != current.revenueAtRisk),
        ].filter(\.1).map { ConsoleFormat.t($0.0) }
        return (fields, changed)
    }

    /// A new follow-up from the "add a follow-up" form.
    /// - Parameter now: the day it is; a due date before it is refused.
    /// - Throws: `Invalid` naming each missing or wrong field.
    static func newFollowUp(_ form: ConsoleForm, incident: IncidentID, now: Date) throws -> FollowUp {
        var errors: [String] = []
        let kind = form.text("kind").flatMap(FollowUpKind.init(rawValue:))
        if kind == nil {
            let known = ConsoleFormat.choices { (kind: FollowUpKind) in ConsoleFormat.t("md.kind.\(kind.rawValue)") }
            errors.append(ConsoleFormat.t("input.type", ["known": known]))
        }
        let description = form.text("description")
        if description == nil { errors.append(ConsoleFormat.t("input.action")) }
        let owner = form.text("owner")
        if owner == nil { errors.append(ConsoleFormat.t("input.owner")) }
        var due: Date?
        if let text = form.text("due") {
            due = DueDay.parse(text)
            if due == nil {
                errors.append(ConsoleFormat.t("input.due_not_date", ["text": text]))
            } else if let end = due, end < now {
                errors.append(ConsoleFormat.t("input.due_passed", ["text": text]))
            }
        } else {
            errors.append(ConsoleFormat.t("input.due_missing"))
        }
        guard errors.isEmpty, let kind, let description, let owner, let due else { throw Invalid(errors: errors) }
        return FollowUp(incidentID: incident, kind: kind, description: description, owner: owner, dueAt: due)
    }

    private static let countHint = "input.not_count"
    private static let amountHint = "input.not_amount"

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
