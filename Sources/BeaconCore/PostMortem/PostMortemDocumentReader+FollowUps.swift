import Foundation

extension PostMortemDocumentReader {
    /// `follow_ups:`: every existing follow-up by its id, new ones without; none may be left out.
    func followUps(_ mapping: YAMLMapping) -> [FollowUp]? {
        let entry = mapping.entries.first { $0.key == "follow_ups" }
        var items: [YAMLField] = []
        if let field = mapping.optional("follow_ups") {
            guard let list = field.list() else { return nil }
            items = list
        }
        var seen: [Int64: YAMLField] = [:]
        var followUps: [FollowUp] = []
        var valid = true
        for item in items {
            if let followUp = followUp(item, seen: &seen) { followUps.append(followUp) } else { valid = false }
        }
        let key =
            entry.map { mapping.field.child($0.keyNode, $0.key) }
            ?? mapping.field.child(mapping.field.node, "follow_ups")
        for stored in report.followUps {
            guard let id = stored.id, seen[id] == nil else { continue }
            key.fail("check.follow_up_removed", ["id": "\(id)", "description": "\(stored.description)"])
            valid = false
        }
        return valid ? followUps : nil
    }

    private func followUp(_ item: YAMLField, seen: inout [Int64: YAMLField]) -> FollowUp? {
        guard let mapping = item.mapping(keys: PostMortemDocument.followUpKeys) else { return nil }
        var valid = true
        var stored: FollowUp?
        if let idField = mapping.optional("id") {
            stored = existing(idField, seen: &seen)
            valid = stored != nil
        }
        let kinds = FollowUpKind.allCases.map(\.rawValue).joined(separator: ", ")
        let kind = required(mapping, "kind", ConfigProblem("check.follow_up_kind", ["allowed": "\(kinds)"])) {
            $0.oneOf(FollowUpKind.self, "check.noun.follow_up_kind")
        }
        let description = requiredText(mapping, "description", ConfigProblem("check.follow_up_description"))
        let owner = requiredText(mapping, "owner", ConfigProblem("check.follow_up_owner"))
        let due = required(mapping, "due", ConfigProblem("check.follow_up_due")) {
            dueDay($0, stored: stored)
        }
        let status = decoder.value(mapping, "status", default: FollowUpStatus.open) {
            $0.oneOf(FollowUpStatus.self, "check.noun.status")
        }
        let reason = decoder.optionalValue(mapping, "reason") { $0.string() }
        if status == .wontDo, let reason, PostMortemUpdate.normalized(reason) == nil,
            let statusField = mapping.optional("status")
        {
            statusField.fail("check.wont_do_reason")
            valid = false
        }
        guard valid, let kind, let description, let owner, let due, let status, let reason else { return nil }
        return FollowUp(
            id: stored?.id, incidentID: report.incidentID, kind: kind, description: description, owner: owner,
            dueAt: due, status: status, reason: reason)
    }

    /// The stored follow-up an `id` names, once per list.
    private func existing(_ field: YAMLField, seen: inout [Int64: YAMLField]) -> FollowUp? {
        guard let number = field.int() else { return nil }
        let id = Int64(number)
        if let first = seen[id] {
            field.fail("check.follow_up_twice", ["id": "\(id)", "line": "\(first.line)"])
            return nil
        }
        guard let stored = report.followUps.first(where: { $0.id == id }) else {
            let known = report.followUps.compactMap(\.id).map(String.init)
            let values: [String: ConfigProblem.Value] = [
                "incident": "\(report.incidentID)", "id": "\(id)", "known": "\(known.joined(separator: ", "))",
            ]
            field.fail(known.isEmpty ? "check.no_such_follow_up.none" : "check.no_such_follow_up", values)
            return nil
        }
        seen[id] = field
        return stored
    }

    /// A due day; an existing follow-up's unchanged day keeps its exact due time, a new day must not have passed.
    private func dueDay(_ field: YAMLField, stored: FollowUp?) -> Date? {
        guard let text = field.string()?.trimmingCharacters(in: .whitespaces) else { return nil }
        guard let day = DueDay.parse(text) else {
            field.fail("check.malformed_day", ["text": "\(text)"])
            return nil
        }
        if let stored, DueDay.text(stored.dueAt) == text { return stored.dueAt }
        guard day >= now else {
            field.fail("check.day_passed", ["text": "\(text)"])
            return nil
        }
        return day
    }

    private func required<T>(
        _ mapping: YAMLMapping, _ key: String, _ missing: ConfigProblem, _ read: (YAMLField) -> T?
    ) -> T? {
        guard let field = mapping.optional(key) else {
            mapping.field.child(mapping.field.node, key).fail(missing)
            return nil
        }
        return read(field)
    }

    private func requiredText(_ mapping: YAMLMapping, _ key: String, _ missing: ConfigProblem) -> String? {
        guard let field = mapping.optional(key) else {
            mapping.field.child(mapping.field.node, key).fail(missing)
            return nil
        }
        guard let text = field.string() else { return nil }
        guard let kept = PostMortemUpdate.normalized(text) else {
            field.fail(missing)
            return nil
        }
        return kept
    }
}
