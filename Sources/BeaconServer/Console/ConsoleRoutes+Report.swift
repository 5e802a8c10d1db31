import BeaconCore
import Foundation
import Hummingbird

extension ConsoleRoutes {
    /// `/reports/weekly?week=2026-W47`: the current week without a `week`; a malformed one is a 400 page.
    func weeklyReport(_ request: Request, _ identity: Identity, _ flash: PageChrome.Flash?) async throws -> Rendered {
        let now = now()
        let calendar = config().calendar
        let week: ISOWeek
        do {
            week = try ReportRoutes.week(ConsoleForm(request.uri.query ?? "")["week"], now: now, calendar: calendar)
        } catch {
            throw ConsoleError.badRequest(ConsoleFormat.t("flash.week", ["message": error.message]))
        }
        let report = try await reportRepository.weeklyReport(
            week, calendar: calendar, ruleTitles: config().ruleTitles, holidays: config().holidays, at: now)
        let chrome = PageChrome(
            title: ConsoleFormat.t("title.report", ["week": "\(week)"]), identity: identity, section: .reports,
            now: now,
            pendingApprovals: try await pendingCount(identity), flash: flash)
        let page = WeeklyReportPage(chrome: chrome, report: report, calendar: calendar, now: now)
        return (.ok, ConsoleTemplates.render(page, .weeklyReport))
    }
}
