public import BeaconCore

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
