public import Foundation
import Yams

extension PostMortemDocument {
    /// Reads an edited document back into an update, checked against this incident's follow-ups.
    /// - Parameters:
    ///   - file: the name messages give the text, such as `pm-12.yaml`.
    ///   - now: the moment it is; a new due day that has already passed is refused.
    /// - Throws: `PostMortemDocumentError` listing every problem with its line, field and reason.
    public func parse(_ text: String, file: String, now: Date) throws(PostMortemDocumentError) -> PostMortemUpdate {
        let diagnostics = ConfigDiagnostics(environment: [:], substitutesEnvironment: false)
        guard let root = ConfigParser.root(ConfigFile(name: file, text: text), diagnostics) else {
            throw PostMortemDocumentError(code: .malformed, issues: diagnostics.issues)
        }
        return try read(root, now: now)
    }

    /// Decodes a parsed document, failing with every issue in line order.
    func read(_ root: YAMLField, now: Date) throws(PostMortemDocumentError) -> PostMortemUpdate {
        let reader = PostMortemDocumentReader(
            report: report, now: now, decoder: ConfigDecoder(diagnostics: root.diagnostics))
        let update = reader.update(root)
        let issues = root.diagnostics.issues.enumerated().sorted { a, b in
            a.element.line != b.element.line ? a.element.line < b.element.line : a.offset < b.offset
        }.map(\.element)
        guard issues.isEmpty, let update else { throw PostMortemDocumentError(code: .invalid, issues: issues) }
        return update
    }
}

/// Decodes the values of a post-mortem document, reporting each problem at its field.
struct PostMortemDocumentReader {
    let report: PostMortemReport
    let now: Date
    let decoder: ConfigDecoder

    /// Keys that would set what is computed; they get an explanation rather than "unknown key".
    static let verdictKeys = ["findings", "verdicts", "verdict"] + FindingKind.allCases.map(\.rawValue)
    /// Plain words that read as a yes or a no: a verdict, not a comment.
    static let yesNoWords: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n"]

    func update(_ root: YAMLField) -> PostMortemUpdate? {
        guard let mapping = root.mapping(keys: PostMortemDocument.keys, tolerating: Self.verdictKeys) else {
            return nil
        }
        decoder.forbid(
            mapping, Self.verdictKeys,
            reason: ConfigProblem("check.verdict_key"))
        let rootCause = decoder.optionalValue(mapping, "root_cause") { $0.string() }
        let trigger = decoder.optionalValue(mapping, "trigger") { $0.string() }
        let fields = impact(mapping.optional("impact"))
        let comments = comments(mapping.optional("comments"))
        let noActionReason = decoder.optionalValue(mapping, "no_action_reason") { $0.string() }
        let followUps = followUps(mapping)
        guard let rootCause, let trigger, var fields, let comments, let noActionReason, let followUps else {
            return nil
        }
        fields.rootCause = rootCause
        fields.trigger = trigger
        return PostMortemUpdate(
            fields: fields, comments: comments, noActionReason: noActionReason, followUps: followUps)
    }

    /// `impact:`: counts that are whole and amounts that are numbers, none negative.
    private func impact(_ field: YAMLField?) -> PostMortemFields? {
        guard let field else { return PostMortemFields() }
        guard let mapping = field.mapping(keys: PostMortemDocument.impactKeys) else { return nil }
        let orders = decoder.optionalValue(mapping, "orders_affected") { notNegative($0, $0.int()) }
        let users = decoder.optionalValue(mapping, "users_affected") { notNegative($0, $0.int()) }
        let revenue = decoder.optionalValue(mapping, "revenue_at_risk") { notNegative($0, $0.double()) }
        guard let orders, let users, let revenue else { return nil }
        return PostMortemFields(ordersAffected: orders, usersAffected: users, revenueAtRisk: revenue)
    }

    private func notNegative<T: Comparable & Numeric>(_ field: YAMLField, _ value: T?) -> T? {
        guard let value else { return nil }
        guard value >= 0 else {
            field.fail("check.negative")
            return nil
        }
        return value
    }

    /// `comments:`: text per finding; a yes or a no is an attempt at the verdict, which is refused.
    private func comments(_ field: YAMLField?) -> [FindingKind: String]? {
        guard let field else { return [:] }
        guard let mapping = field.mapping(keys: FindingKind.allCases.map(\.rawValue)) else { return nil }
        var comments: [FindingKind: String] = [:]
        var valid = true
        for kind in FindingKind.allCases {
            guard let value = mapping.optional(kind.rawValue) else { continue }
            if isVerdict(value.node) {
                let verdict = report.findings.first { $0.kind == kind }.map { $0.verdict ? "yes" : "no" } ?? "unknown"
                value.fail("check.verdict_computed", ["verdict": .phrase(ConfigProblem("check.verdict.\(verdict)"))])
                valid = false
            } else if let text = value.string() {
                comments[kind] = text
            } else {
                valid = false
            }
        }
        return valid ? comments : nil
    }

    private func isVerdict(_ node: Node) -> Bool {
        switch node {
        case .scalar(let scalar): scalar.style == .plain && Self.yesNoWords.contains(scalar.string.lowercased())
        case .mapping(let mapping): mapping.keys.contains { $0.scalar?.string == "verdict" }
        case .sequence, .alias: false
        }
    }
}
