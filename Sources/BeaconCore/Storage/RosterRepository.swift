public import Foundation

/// The rosters' overrides: who was put on duty by hand, when, by whom and why.
public protocol RosterRepository: Sendable {
    /// The overrides in force at some moment of `[from, to)`, of `roster` (of every roster when `nil`), oldest
    /// first.
    func overrides(roster: String?, from: Date, to: Date) async throws -> [RosterOverride]

    /// Stores an override; the returned one has its id.
    func addOverride(_ override: RosterOverride) async throws -> RosterOverride

    /// Removes an override (kept, marked removed by `actor`); `nil` when there is no such override in force.
    func removeOverride(_ id: Int64, by actor: String, at now: Date) async throws -> RosterOverride?

    func override(_ id: Int64) async throws -> RosterOverride?
}
