import BeaconCore
import Foundation
import Hummingbird

extension ConsoleRoutes {
    /// `/reports/weekly?week=2026-W47`: the current week without a `week`; a malformed one is a 400 page.
    func weeklyReport(_ request: Request, _ identity: Identity, _ flash: PageChrome.Flash?) async throws -> Rendered {
        let now = now()
        let calendar = config().calendar
        let (week, report) = try await weekly(request, now: now)
        let chrome = PageChrome(
            title: ConsoleFormat.t("title.report", ["week": "\(week)"]), identity: identity, section: .reports,
            now: now,
            pendingApprovals: try await pendingCount(identity), flash: flash)
        let page = WeeklyReportPage(chrome: chrome, report: report, calendar: calendar, now: now)
        return (.ok, ConsoleTemplates.render(page, .weeklyReport))
    }

    /// The week a request names (`?week=2026-W47`, the current one without) and its report.
    func weekly(_ request: Request, now: Date) async throws -> (ISOWeek, WeeklyReport) {
        let config = config()
        let week: ISOWeek
        do {
            week = try ReportRoutes.week(
                ConsoleForm(request.uri.query ?? "")["week"], now: now, calendar: config.calendar)
        } catch {
            throw ConsoleError.badRequest(
                ConsoleFormat.t("flash.week", ["message": error.message(in: ConsoleFormat.words)]))
        }
        let report = try await reportRepository.weeklyReport(
            week, calendar: config.calendar, ruleTitles: config.ruleTitles, holidays: config.holidays, at: now)
        return (week, report)
    }

    /// `GET /reports/weekly.md?week=2026-W47`: the report as Markdown in the reader's language, to forward.
    func weeklyMarkdown(_ request: Request, _ context: BeaconRequestContext) async throws -> Response {
        guard let identity = context.identity else {
            return ConsoleResponse.redirect(to: "/login?next=" + ConsoleResponse.queryEscaped(request.uri.description))
        }
        do {
            let (week, report) = try await weekly(request, now: now())
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/markdown; charset=utf-8", .cacheControl: "no-store",
                    .contentDisposition: "inline; filename=\"weekly-report-\(week).md\"",
                    .xContentTypeOptions: "nosniff",
                ],
                body: ResponseBody(byteBuffer: ByteBuffer(string: report.markdown(in: ConsoleFormat.words))))
        } catch let error as ConsoleError {
            return errorPage(error.status, error.heading, error.message, identity: identity)
        }
    }
}
