public import BeaconCore
public import Foundation

/// A user as the API and `user list --json` show it: never the password hash.
public struct UserResource: Encodable, Sendable {
    public var login: String
    public var name: String
    /// A person's layer; `nil` for a service account.
    public var layer: Layer?
    /// A service account's scope; `nil` for a person.
    public var service: ServiceScope?
    public var admin: Bool
    public var disabled: Bool
    public var createdAt: Date

    public init(_ user: User) {
        login = user.login
        name = user.name
        layer = user.service == nil ? user.layer : nil
        service = user.service
        admin = user.admin
        disabled = user.disabled
        createdAt = user.createdAt
    }
}
