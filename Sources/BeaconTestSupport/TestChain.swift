public import BeaconCore
public import Foundation

/// The command chain the tests share: Zhang Min on call, Wang Lei the director, Li Na the executive (and Chen Xiao,
/// a second lead, when a test wants two), with the plan's deadlines: 5, 15 and 30 minutes.
public enum TestChain {
    public static func zhangMin(_ channels: [String]) -> Person {
        Person(name: "Zhang Min", login: "zhangmin", channels: channels)
    }

    public static func chenXiao(_ channels: [String]) -> Person {
        Person(name: "Chen Xiao", login: "chenxiao", channels: channels)
    }

    public static func wangLei(_ channels: [String], role: String? = nil) -> Person {
        Person(name: "Wang Lei", login: "wanglei", role: role, channels: channels)
    }

    public static func liNa(_ channels: [String]) -> Person {
        Person(name: "Li Na", login: "lina", channels: channels)
    }

    /// The chain with the given people in each layer.
    public static func chain(operation: [Person], execution: [Person], decision: [Person]) -> CommandChain {
        CommandChain(
            operation: ChainLayer(deadline: .seconds(300), people: operation),
            execution: ChainLayer(deadline: .seconds(900), people: execution),
            decision: ChainLayer(deadline: .seconds(1800), people: decision))
    }

    /// One person a layer, every one on `channels`.
    public static func chain(channels: [String]) -> CommandChain {
        chain(operation: [zhangMin(channels)], execution: [wangLei(channels)], decision: [liNa(channels)])
    }

    /// A chain with nobody in it, for tests that only record incidents.
    public static let empty = chain(operation: [], execution: [], decision: [])
}

extension TestChain {
    /// `config` with its operation layer rostered (`cs-duty`): Zhang Min and Chen Xiao in turn, shifts of
    /// `shift` from the local time `handoff`, within `hours` when given, in `zone`.
    public static func rostered(
        _ config: BeaconConfig, shift: Duration, handoff: String, hours: String? = nil, zone: TimeZone
    ) -> BeaconConfig {
        var config = config
        config.timeZone = zone
        config.chain.operation.roster = "cs-duty"
        config.rosters = [
            Roster(
                id: "cs-duty",
                layers: [
                    RosterLayer(
                        name: "leads", shift: shift, handoff: LocalDateTime(parsing: handoff)!,
                        people: ["zhangmin", "chenxiao"],
                        hours: hours.flatMap(DailyHours.init(parsing:)).map { [$0] } ?? [])
                ])
        ]
        return config
    }
}
