import Foundation

extension ConfigDecoder {
    /// `calendar:`: the official holidays and make-up working days.
    func holidayCalendar(_ field: YAMLField) -> HolidayCalendar? {
        guard let mapping = field.mapping(keys: ["holidays", "workdays"]) else { return nil }
        let holidays = value(mapping, "holidays", default: []) { days($0) }
        let workdays = value(mapping, "workdays", default: []) { days($0) }
        guard let holidays, let workdays else { return nil }
        for day in holidays.intersection(workdays) {
            mapping.field.fail("check.holiday_and_workday", ["day": "\(day)"])
        }
        if let field = mapping.optional("workdays") {
            for day in workdays where day.weekday < 6 {
                field.warn("check.workday_is_weekday", ["day": "\(day)"])
            }
        }
        return HolidayCalendar(holidays: holidays, workdays: workdays)
    }

    private func days(_ field: YAMLField) -> Set<LocalDay>? {
        guard let items = field.list() else { return nil }
        let days = items.compactMap { item -> LocalDay? in
            guard let text = item.string() else { return nil }
            guard let day = LocalDay(parsing: text) else {
                item.fail("check.expected_date", ["found": "\(text)"])
                return nil
            }
            return day
        }
        return days.count == items.count ? Set(days) : nil
    }

    /// `rosters:`, each a list of rotation layers; handoffs must be times a clock in `timeZone` shows.
    func rosters(_ field: YAMLField, timeZone: TimeZone) -> [Roster]? {
        guard let mapping = field.freeMapping() else { return nil }
        let rosters = mapping.entries.compactMap { entry -> Roster? in
            diagnostics.define("roster", entry.key, at: entry.value)
            guard let layersMapping = entry.value.mapping(keys: ["layers"]),
                let layersField = layersMapping.required("layers"), let items = layersField.list()
            else { return nil }
            if items.isEmpty { layersField.fail("check.roster_no_layers") }
            let layers = items.compactMap { rosterLayer($0, timeZone: timeZone) }
            guard !items.isEmpty, layers.count == items.count else { return nil }
            return Roster(id: entry.key, layers: layers)
        }
        return rosters.count == mapping.entries.count ? rosters : nil
    }

    private func rosterLayer(_ field: YAMLField, timeZone: TimeZone) -> RosterLayer? {
        guard let mapping = field.mapping(keys: ["name", "shift", "handoff", "people", "on", "hours"]) else {
            return nil
        }
        let name = mapping.required("name")?.string()
        let shift = mapping.required("shift")?.positiveDuration()
        if let shift, shift < .seconds(60) { mapping.optional("shift")?.fail("check.short_shift") }
        let handoff = mapping.required("handoff").flatMap { field -> LocalDateTime? in
            guard let text = field.string() else { return nil }
            guard let handoff = LocalDateTime(parsing: text) else {
                field.fail("check.expected_local_time", ["found": "\(text)"])
                return nil
            }
            guard handoff.exists(in: timeZone) else {
                field.fail("check.skipped_time", ["text": "\(text)", "zone": "\(timeZone.identifier)"])
                return nil
            }
            return handoff
        }
        let people = mapping.required("people").flatMap { field -> [PersonID]? in
            guard let items = field.list() else { return nil }
            if items.isEmpty { field.fail("check.no_logins") }
            let logins = items.compactMap { item -> PersonID? in
                guard let login = item.string() else { return nil }
                diagnostics.refer(to: "login", login, at: item)
                return PersonID(login)
            }
            return logins.count == items.count && !items.isEmpty ? logins : nil
        }
        let on = value(mapping, "on", default: Set(DayKind.allCases), dayKinds)
        let hours = value(mapping, "hours", default: [], dailyHours)
        guard let name, let shift, shift >= .seconds(60), let handoff, let people, let on, let hours else {
            return nil
        }
        return RosterLayer(name: name, shift: shift, handoff: handoff, people: people, on: on, hours: hours)
    }

    /// `workdays`, `weekends`, `holidays` or `all`, or a list of them.
    private func dayKinds(_ field: YAMLField) -> Set<DayKind>? {
        let words: [String]?
        if case .sequence = field.node { words = field.strings() } else { words = field.string().map { [$0] } }
        guard let words else { return nil }
        var kinds = Set<DayKind>()
        for word in words {
            switch word {
            case "all": kinds.formUnion(DayKind.allCases)
            case "workdays": kinds.insert(.workday)
            case "weekends": kinds.insert(.weekend)
            case "holidays": kinds.insert(.holiday)
            default:
                let names = ["workdays", "weekends", "holidays", "all"]
                var values: [String: ConfigProblem.Value] = [
                    "noun": .noun("day_kind"), "text": "\(word)", "allowed": "\(names.joined(separator: ", "))",
                ]
                if let guess = ConfigText.suggestion(for: word, among: names) {
                    values["guess"] = "\(guess)"
                    field.fail("check.unknown_word.guess", values)
                } else {
                    field.fail("check.unknown_word", values)
                }
                return nil
            }
        }
        if kinds.isEmpty { field.fail("check.no_day_kinds") }
        return kinds.isEmpty ? nil : kinds
    }

    /// `"08:00-20:00"` or a list of such windows, none overlapping another.
    private func dailyHours(_ field: YAMLField) -> [DailyHours]? {
        let texts: [String]?
        if case .sequence = field.node { texts = field.strings() } else { texts = field.string().map { [$0] } }
        guard let texts else { return nil }
        let windows = texts.compactMap { text -> DailyHours? in
            guard let window = DailyHours(parsing: text) else {
                field.fail("check.expected_hours", ["found": "\(text)"])
                return nil
            }
            return window
        }
        guard windows.count == texts.count else { return nil }
        for (index, window) in windows.enumerated() {
            for other in windows[(index + 1)...] where window.overlaps(other) {
                field.fail("check.hours_overlap", ["first": "\(window)", "second": "\(other)"])
                return nil
            }
        }
        return windows
    }
}

extension DailyHours {
    /// Whether the two windows share a moment of some day.
    func overlaps(_ other: DailyHours) -> Bool {
        ranges.contains { mine in other.ranges.contains { mine.overlaps($0) } }
    }
}
