extension ConfigDecoder {
    func playbookFile(_ root: YAMLField) -> Playbook? {
        guard let mapping = root.mapping(keys: ["id", "title", "description", "applies_to", "steps"]) else {
            return nil
        }
        let id = mapping.required("id").flatMap { identifier($0, kind: "playbook") }
        let title = mapping.required("title")?.nonEmptyString()
        let scope = value(mapping, "applies_to", default: PlaybookScope(), playbookScope)
        let stepsField = mapping.required("steps")
        let stepFields = stepsField?.list()
        if let stepFields, stepFields.isEmpty { stepsField?.fail("check.no_steps") }
        var stepIDs: [String: Int] = [:]
        let steps = stepFields?.compactMap { step($0, seen: &stepIDs) }
        if let steps, steps.filter(\.assessment).count > 1, let stepFields,
            let second = steps.indices.filter({ steps[$0].assessment }).dropFirst().first
        {
            stepFields[second].fail("check.second_assessment", ["first": "\(steps.first(where: \.assessment)!.id)"])
        }
        guard let id, let title, let scope, let stepFields, let steps, !steps.isEmpty, steps.count == stepFields.count
        else { return nil }
        return Playbook(id: id, title: title, appliesTo: scope, steps: steps, location: root.location)
    }

    private func playbookScope(_ field: YAMLField) -> PlaybookScope? {
        guard let mapping = field.mapping(keys: ["categories", "rules"]) else { return nil }
        let categories = value(mapping, "categories", default: []) { field -> [Category]? in
            guard let items = field.list() else { return nil }
            let values = items.compactMap { $0.oneOf(Category.self, "check.noun.category") }
            return values.count == items.count ? values : nil
        }
        let rules = value(mapping, "rules", default: []) { field -> [String]? in
            guard let items = field.list() else { return nil }
            let values = items.compactMap { item -> String? in
                guard let id = item.string() else { return nil }
                diagnostics.refer(to: "rule", id, at: item)
                return id
            }
            return values.count == items.count ? values : nil
        }
        guard let categories, let rules else { return nil }
        return PlaybookScope(categories: categories, rules: rules.map { RuleID($0) })
    }

    static let stepKeys = [
        "id", "title", "owner", "within", "every", "message", "approval", "min_severity", "checklist", "assessment",
    ]

    private func step(_ field: YAMLField, seen: inout [String: Int]) -> PlaybookStep? {
        guard let mapping = field.mapping(keys: Self.stepKeys) else { return nil }
        var id = mapping.required("id")?.string()
        if let idField = mapping.optional("id"), let stepID = id {
            if !ConfigText.isKebabCase(stepID) {
                idField.fail("check.kebab_case", ["kind": .noun("step"), "id": "\(stepID)"])
                id = nil
            } else if let firstLine = seen[stepID] {
                idField.fail(
                    "check.duplicate_id",
                    ["kind": .noun("step"), "id": "\(stepID)", "first": "\(field.file):\(firstLine)"])
                id = nil
            } else {
                seen[stepID] = idField.line
            }
        }
        let title = mapping.required("title")?.nonEmptyString()
        let owner = mapping.required("owner")?.oneOf(Layer.self, "check.noun.layer")
        let within = optionalValue(mapping, "within") { $0.positiveDuration() }
        let every = optionalValue(mapping, "every") { $0.positiveDuration() }
        let message = optionalValue(mapping, "message") { $0.string() }
        let approval = value(mapping, "approval", default: false) { $0.bool() }
        let minSeverity = optionalValue(mapping, "min_severity") { $0.oneOf(Severity.self, "check.noun.severity") }
        let checklist = value(mapping, "checklist", default: []) { $0.strings() }
        let assessment = value(mapping, "assessment", default: false) { $0.bool() }
        if assessment == true, let owner, owner != .execution {
            (mapping.optional("assessment") ?? field).fail("check.assessment_owner", ["owner": .layer(owner)])
            return nil
        }
        if approval == true, let owner, owner != .decision {
            (mapping.optional("approval") ?? field).fail("check.approval_owner", ["owner": .layer(owner)])
            return nil
        }
        guard let id, let title, let owner, let within, let every, let message, let approval, let minSeverity,
            let checklist, let assessment
        else { return nil }
        return PlaybookStep(
            id: StepID(id), title: title, owner: owner, within: within, every: every, message: message,
            approval: approval,
            minSeverity: minSeverity, checklist: checklist, assessment: assessment)
    }
}
