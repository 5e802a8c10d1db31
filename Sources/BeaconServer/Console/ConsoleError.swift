import BeaconCore
import Hummingbird

/// Why a console page or form failed: shown as an error page, or, when the person can simply go back and
/// look again (someone else was faster), as a message on the page the form came from.
struct ConsoleError: Error {
    var status: HTTPResponse.Status
    var heading: String
    /// A sentence for the person at the screen.
    var message: String
    /// Where to go back to with the message, instead of an error page.
    var location: String?

    static func notFound(_ message: String) -> Self {
        Self(status: .notFound, heading: ConsoleFormat.t("error.not_found"), message: message)
    }

    static func badRequest(_ message: String) -> Self {
        Self(status: .badRequest, heading: ConsoleFormat.t("error.cannot"), message: message)
    }

    /// The ledger's verdict: a missing thing is a 404 page, a refusal a 403 page; a change that no longer
    /// applies (already acknowledged, already answered) goes back to `location` and says why.
    init(_ error: IncidentError, location: String) {
        switch error.code {
        case .notFound:
            self.init(
                status: .notFound, heading: ConsoleFormat.t("error.not_found"),
                message: error.message(in: ConsoleFormat.words))
        case .forbidden:
            self.init(
                status: .forbidden, heading: ConsoleFormat.t("error.not_allowed"),
                message: error.message(in: ConsoleFormat.words))
        case .invalidTransition, .conflict, .invalidInput:
            self.init(
                status: .conflict, heading: ConsoleFormat.t("error.cannot"),
                message: error.message(in: ConsoleFormat.words), location: location)
        }
    }

    init(status: HTTPResponse.Status, heading: String, message: String, location: String? = nil) {
        self.status = status
        self.heading = heading
        self.message = message
        self.location = location
    }
}
