import BeaconCore
import Foundation
public import Hummingbird

/// The weekly report over HTTP: JSON for scripts, Markdown to forward; `?week=2026-W47`, the current week without.
/// Weeks are bounded in the configuration's `time_zone`, the process's when it sets none.
public struct ReportRoutes: EnvironmentRoutes {
    let environment: RouteEnvironment

    public init(_ environment: RouteEnvironment) { self.environment = environment }

    public func add(to router: Router<BeaconRequestContext>) {
        let api = router.group("api")
        api.get("reports/weekly") { request, context in
            _ = try context.requireUser()
            return try await JSONBody.response(try report(request))
        }
        api.get("reports/weekly.md") { request, context in
            _ = try context.requireUser()
            return await Response(
                status: .ok, headers: [.contentType: "text/markdown; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: try report(request).markdown)))
        }
    }

    func report(_ request: Request) async throws -> WeeklyReport {
        let now = now()
        let config = config()
        let calendar = config.calendar
        let text = request.uri.queryParameters["week"].map(String.init)
        let week: ISOWeek
        do {
            week = try Self.week(text, now: now, calendar: calendar)
        } catch {
            throw APIError(.badRequest, "Query parameter week: \(error.message)", field: "week")
        }
        return try await reportRepository.weeklyReport(
            week, calendar: calendar, ruleTitles: config.ruleTitles, holidays: config.holidays, at: now)
    }

    /// The week a `week` parameter names, or the week of `now` when it is absent or empty.
    static func week(_ text: String?, now: Date, calendar: Calendar) throws(ISOWeek.ParseError) -> ISOWeek {
        guard let text, !text.isEmpty else { return ISOWeek(containing: now, in: calendar) }
        return try ISOWeek(parsing: text)
    }
}
