public import Foundation

extension WeeklyReport {
    /// One time a person was asked to act (a page, a raise, an escalation, a reminder, an approval request, an
    /// instruction), once however many channels it took.
    public struct PageReceived: Sendable, Hashable {
        /// Login, or name for a person without one.
        public var person: String
        public var at: Date

        public init(person: String, at: Date) {
            self.person = person
            self.at = at
        }
    }

    /// Who acknowledged an incident of the week, and how long after it opened.
    public struct Acknowledgement: Sendable, Hashable {
        public var person: String
        public var seconds: TimeInterval

        public init(person: String, seconds: TimeInterval) {
            self.person = person
            self.seconds = seconds
        }
    }

    /// A person's load in the week, as the plan's weekly statistics want it: how often they were paged and
    /// when, and how fast they acknowledged.
    public struct PersonWorkload: Sendable, Hashable, Codable {
        public var person: String
        public var pages: Int
        /// On working days (the holiday calendar's), 09:00–18:00 local.
        public var workingHours: Int
        /// Outside working hours but not at night: evenings, weekends and holidays by day.
        public var offHours: Int
        /// 22:00–08:00 local, any day.
        public var nights: Int
        /// The incidents they acknowledged, and how fast.
        public var acknowledgements: Durations

        enum CodingKeys: String, CodingKey {
            case person, pages, nights, acknowledgements
            case workingHours = "working_hours"
            case offHours = "off_hours"
        }
    }

    /// The load of everyone paged or acknowledging in `[start, end)`, most pages first.
    static func workload(
        pages: [PageReceived], acknowledgements: [Acknowledgement], holidays: HolidayCalendar, zone: TimeZone,
        from start: Date, to end: Date
    ) -> [PersonWorkload] {
        let inWeek = pages.filter { start <= $0.at && $0.at < end }
        let people = Set(inWeek.map(\.person)).union(acknowledgements.map(\.person))
        return people.map { person in
            let acknowledged = acknowledgements.filter { $0.person == person }.map(\.seconds)
            var load = PersonWorkload(
                person: person, pages: 0, workingHours: 0, offHours: 0, nights: 0,
                acknowledgements: Durations(acknowledged, of: acknowledged.count))
            for page in inWeek where page.person == person {
                load.pages += 1
                let local = LocalDateTime(page.at, in: zone)
                let hour = local.second / 3_600
                if hour >= 22 || hour < 8 {
                    load.nights += 1
                } else if holidays.kind(of: local.day) == .workday && (9..<18).contains(hour) {
                    load.workingHours += 1
                } else {
                    load.offHours += 1
                }
            }
            return load
        }.sorted { ($1.pages, $0.person) < ($0.pages, $1.person) }
    }
}
