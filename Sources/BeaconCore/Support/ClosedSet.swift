/// A closed set of names read from JSON: a name not in it is refused with the names that are, never with the
/// Swift type's name (`"sev9" is not one of sev1, sev2, sev3, sev4`).
public protocol ClosedSet: RawRepresentable, CaseIterable, Decodable where RawValue == String {}

extension ClosedSet {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        guard let value = Self(rawValue: name) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(name)\" is not one of \(Self.names)")
        }
        self = value
    }

    /// `sev1, sev2, sev3, sev4`.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

extension Severity: ClosedSet {}
extension IncidentStatus: ClosedSet {}
extension Layer: ClosedSet {}
extension Category: ClosedSet {}
extension IncidentAction: ClosedSet {}
extension ServiceScope: ClosedSet {}
extension FindingKind: ClosedSet {}
extension FollowUpKind: ClosedSet {}
extension FollowUpStatus: ClosedSet {}
