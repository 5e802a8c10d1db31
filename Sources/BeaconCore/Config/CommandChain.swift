public import Foundation

/// The three layers of the command chain with their people and response deadlines.
public struct CommandChain: Sendable, Hashable {
    public var operation: ChainLayer
    public var execution: ChainLayer
    public var decision: ChainLayer

    public init(operation: ChainLayer, execution: ChainLayer, decision: ChainLayer) {
        self.operation = operation
        self.execution = execution
        self.decision = decision
    }

    public subscript(layer: Layer) -> ChainLayer {
        switch layer {
        case .operation: operation
        case .execution: execution
        case .decision: decision
        }
    }

    /// Every person in every layer.
    public var people: [Person] { Layer.allCases.flatMap { self[$0].people } }

    /// The person whose login or name is `handle` (logins first), and their layer.
    public func person(_ handle: String) -> (person: Person, layer: Layer)? {
        let all = Layer.allCases.flatMap { layer in self[layer].people.map { (person: $0, layer: layer) } }
        return all.first { $0.person.login == handle } ?? all.first { $0.person.name == handle }
    }

    /// The person `id` refers to, and their layer.
    public func person(_ id: PersonID) -> (person: Person, layer: Layer)? { person(id.rawValue) }
}

/// One layer of the chain: its deadline (acknowledge, assess or instruct) and its people.
public struct ChainLayer: Sendable, Hashable {
    /// `ack_within` for operation, `assess_within` for execution, `instruct_within` for decision.
    public var deadline: Duration
    public var people: [Person]
    /// The roster that says who of `people` is on duty; without one, all of them are paged.
    public var roster: String?

    public init(deadline: Duration, people: [Person], roster: String? = nil) {
        self.roster = roster
        self.deadline = deadline
        self.people = people
    }
}

/// A person in the chain and the channels that reach them, in order of preference.
public struct Person: Sendable, Hashable {
    public var name: String
    /// Ties the person to a console user of the same login.
    public var login: String?
    public var role: String?
    public var email: String?
    public var mobile: String?
    /// The person's ids on the chat platforms whose robots mention by id rather than by mobile number.
    public var chatIDs: ChatIDs
    public var channels: [String]
    /// The person's own language (`locale:`), over the configuration's.
    public var language: Language?
    /// The person's own zone (`time_zone:`), over the configuration's.
    public var timeZone: TimeZone?

    public init(
        name: String, login: String? = nil, role: String? = nil, email: String? = nil, mobile: String? = nil,
        chatIDs: ChatIDs = ChatIDs(), channels: [String], language: Language? = nil, timeZone: TimeZone? = nil
    ) {
        self.language = language
        self.timeZone = timeZone
        self.name = name
        self.login = login
        self.role = role
        self.email = email
        self.mobile = mobile
        self.chatIDs = chatIDs
        self.channels = channels
    }

    /// Who the person is wherever they are referred to: their login, else their name.
    public var id: PersonID { PersonID(login ?? name) }
}

/// A person's ids on chat platforms (`dingtalk_id`, `wecom_id`, `feishu_id`), for @mentions in group messages.
public struct ChatIDs: Sendable, Hashable, Codable {
    public var dingtalk: String?
    public var wecom: String?
    public var feishu: String?

    public init(dingtalk: String? = nil, wecom: String? = nil, feishu: String? = nil) {
        self.dingtalk = dingtalk
        self.wecom = wecom
        self.feishu = feishu
    }
}
