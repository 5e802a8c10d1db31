import BeaconCore
import Foundation
import Testing

@testable import BeaconServer

@Suite struct PostMortemInputTests {
    @Test(arguments: [
        ("2026-12-01", "2026-12-01"), ("2028-02-29", "2028-02-29"), ("2026-01-31", "2026-01-31"),
    ])
    func aDueDayIsTheEndOfThatDayInUTC(_ text: String, _ back: String) throws {
        let end = try #require(DueDay.parse(text))
        #expect(DueDay.text(end) == back)
        #expect(DueDay.text(end.addingTimeInterval(1)) != back, "the last second of the day")
    }

    @Test(arguments: [
        "2026-02-29", "2026-13-01", "2026-00-10", "2026-1-01", "26-01-01", "2026/01/01", "", "٢٠٢٦-٠١-٠١",
    ])
    func anythingButARealDayIsRefused(_ text: String) {
        #expect(DueDay.parse(text) == nil)
    }

    @Test func numbersAreDigitsAndAmountsMayHaveADecimalPoint() throws {
        let form = ConsoleForm("orders_affected=0012&users_affected=0&revenue_at_risk=12500.75")
        let (fields, changed) = try PostMortemInput.fields(form, over: PostMortemFields())
        #expect(fields.ordersAffected == 12)
        #expect(fields.usersAffected == 0)
        #expect(fields.revenueAtRisk == 12_500.75)
        #expect(changed == ["orders affected", "users affected", "revenue at risk"])
        for bad in ["1e5", ".5", "5.", "1.2.3", "+5", "-5", "NaN", "inf", "1 000"] {
            let form = ConsoleForm(
                "revenue_at_risk=\(bad.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? bad)")
            let invalid = try #require(throws: PostMortemInput.Invalid.self) {
                try PostMortemInput.fields(form, over: PostMortemFields())
            }
            #expect(
                invalid.errors == [
                    "Revenue at risk: “\(bad)” is not an amount; write digits with an optional decimal point, like 12500.50."
                ])
        }
        let huge = ConsoleForm("orders_affected=99999999999999999999999")
        #expect(throws: PostMortemInput.Invalid.self) { try PostMortemInput.fields(huge, over: PostMortemFields()) }
    }

    @Test func anAmountIsShownAsItCanBeTypedBack() throws {
        for value in [0, 12_500, 12_500.5, 0.25, 1e15, 123_456_789.125] {
            let text = PostMortemPage.plain(value)
            let form = ConsoleForm("revenue_at_risk=\(text)")
            let (fields, _) = try PostMortemInput.fields(form, over: PostMortemFields())
            #expect(fields.revenueAtRisk == value, "\(value) shown as \(text)")
        }
    }
}
