import BeaconCurl
import Foundation

/// What an HTTP answer means for a delivery.
enum ResponseVerdict {
    /// By status alone: 2xx delivered; 408, 429 and 5xx worth retrying; any other status not.
    static func byStatus(_ response: CurlResponse) -> DeliveryResult {
        let status = response.status
        if (200..<300).contains(status) { return .delivered(detail: "HTTP \(status)") }
        let retryable = status == 408 || status == 429 || (500..<600).contains(status)
        return .failed(reason: "HTTP \(status)" + snippet(response), retryable: retryable)
    }

    /// A chat robot's answer: robots answer HTTP 200 with an error code in a JSON body
    /// (`{"errcode":310000,"errmsg":"…"}`), so a 2xx with a non-zero code is a failure with the robot's message.
    /// - Parameters:
    ///   - codeKeys: where the robot puts its code, in order (`errcode`; Feishu: `code`, or `StatusCode`).
    ///   - messageKeys: where it puts the message.
    ///   - retryableCodes: codes that mean "later" (rate limits); any other code is a configuration problem.
    static func chatRobot(
        _ response: CurlResponse, codeKeys: [String], messageKeys: [String], retryableCodes: Set<Int> = [],
        throttleCodes: [Int: Duration] = [:]
    ) -> DeliveryResult {
        let byStatus = byStatus(response)
        guard case .delivered = byStatus,
            let object = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any],
            let code = codeKeys.lazy.compactMap({ integer(object[$0]) }).first, code != 0
        else { return byStatus }
        let message = messageKeys.lazy.compactMap { object[$0] as? String }.first ?? "no message"
        if let pause = throttleCodes[code] {
            return .throttled(reason: "the channel is throttled: \(code) \(message)", pause: pause)
        }
        return .failed(
            reason: "the channel refused the message: \(code) \(message)", retryable: retryableCodes.contains(code))
    }

    /// The start of the body, on one line, for the failure reason: `HTTP 503: upstream down`.
    static func snippet(_ response: CurlResponse) -> String {
        let words = response.bodyText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !words.isEmpty else { return "" }
        return ": " + (words.count > 200 ? words.prefix(200) + "…" : words)
    }

    private static func integer(_ value: Any?) -> Int? {
        switch value {
        case let number as Int: number
        case let number as Double: Int(exactly: number)
        case let text as String: Int(text)
        default: nil
        }
    }
}
