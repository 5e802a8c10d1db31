import Foundation

/// Everything the team writes in a post-mortem, as one edit: the fields, the comments on the findings, the
/// no-action reason and the full list of follow-ups (new ones without an `id`).
///
/// Text is normalised (line ends unified, surrounding blanks trimmed, empty text as `nil`), so the same words
/// always compare equal however they were typed.
public struct PostMortemUpdate: Sendable, Hashable {
    public var fields: PostMortemFields
    /// Comments on the findings; a finding without a comment has no entry.
    public var comments: [FindingKind: String]
    public var noActionReason: String?
    /// Every follow-up: the existing ones by `id`, new ones with `id == nil`. Leaving one out never deletes it.
    public var followUps: [FollowUp]

    public init(
        fields: PostMortemFields = .init(), comments: [FindingKind: String] = [:], noActionReason: String? = nil,
        followUps: [FollowUp] = []
    ) {
        self.fields = PostMortemUpdate.normalized(fields)
        self.comments = comments.compactMapValues(PostMortemUpdate.normalized)
        self.noActionReason = PostMortemUpdate.normalized(noActionReason)
        self.followUps = followUps.map(PostMortemUpdate.normalized)
    }

    /// What is written now: the edit that changes nothing.
    public init(_ postMortem: PostMortem, followUps: [FollowUp]) {
        self.init(
            fields: postMortem.fields, comments: postMortem.comments, noActionReason: postMortem.noActionReason,
            followUps: followUps)
    }

    /// What a report shows as written.
    public init(_ report: PostMortemReport) {
        self.init(report.postMortem, followUps: report.followUps)
    }

    /// Text as it is kept: `\r\n` as `\n`, no surrounding blanks, and `nil` when nothing is left.
    public static func normalized(_ text: String?) -> String? {
        guard let text else { return nil }
        let trimmed = text.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    static func normalized(_ fields: PostMortemFields) -> PostMortemFields {
        var fields = fields
        fields.rootCause = normalized(fields.rootCause)
        fields.trigger = normalized(fields.trigger)
        return fields
    }

    static func normalized(_ followUp: FollowUp) -> FollowUp {
        var followUp = followUp
        followUp.description = normalized(followUp.description) ?? ""
        followUp.owner = normalized(followUp.owner) ?? ""
        followUp.reason = normalized(followUp.reason)
        // When it was opened and closed is the store's to say, not the edit's.
        followUp.createdAt = nil
        followUp.closedAt = nil
        return followUp
    }
}
