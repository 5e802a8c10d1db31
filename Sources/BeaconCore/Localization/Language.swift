public import Foundation

/// A language Beacon speaks: the console, the CLI, every message, timeline sentence, post-mortem and report.
public enum Language: String, CaseIterable, Sendable, Codable, Hashable {
    /// Simplified Chinese, as the shipped configuration speaks.
    case zhCN = "zh-CN"
    case en

    /// Reads a language tag as people write it: `zh-CN`, `zh_CN`, `zh-Hans`, `zh`, `en`, `en-US`, any case; nil for
    /// a language Beacon has no catalog for.
    public init?(tag: String) {
        let tag = tag.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "_", with: "-")
        let primary = tag.split(separator: "-").first.map(String.init) ?? tag
        switch primary {
        case "zh": self = .zhCN
        case "en": self = .en
        default: return nil
        }
    }

    /// The language a terminal asks for (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, as POSIX orders them); English
    /// when none names a language Beacon speaks.
    public init(environment: [String: String]) {
        let tag = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        self = tag.flatMap { Language(tag: $0) } ?? .en
    }

    /// The locale Foundation formats this language's dates and numbers with.
    public var locale: Locale { Locale(identifier: self == .zhCN ? "zh_CN" : "en_US") }

    /// This language's catalog.
    public var catalog: Catalog {
        switch self {
        case .zhCN: Catalog.chinese
        case .en: Catalog.english
        }
    }

    /// The language's own name, for a language switch: `中文`, `English`.
    public var ownName: String { catalog("language.name") }
}
