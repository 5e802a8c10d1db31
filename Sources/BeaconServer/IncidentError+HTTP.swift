import BeaconCore
import Hummingbird

extension IncidentError {
    /// The HTTP status of a refused incident change, the same for the API, the console and approval links.
    var status: HTTPResponse.Status {
        switch code {
        case .notFound: .notFound
        case .forbidden: .forbidden
        case .invalidTransition, .conflict: .conflict
        case .invalidInput: .badRequest
        }
    }
}
