public import Foundation
import Yams

extension PostMortemDocument {
    /// Reads the JSON form of the document (the same keys, snake_case) into an update, with the same checks as
    /// the YAML form; messages name the field and the reason, lines mean nothing here.
    /// - Throws: `PostMortemDocumentError`: `.malformed` when the body is not JSON, `.invalid` listing every problem.
    public func parse(json: Data, now: Date) throws(PostMortemDocumentError) -> PostMortemUpdate {
        let tree: JSONTree
        do {
            tree = try JSONDecoder().decode(JSONTree.self, from: json)
        } catch {
            throw PostMortemDocumentError(
                code: .malformed,
                issues: [ConfigIssue(file: "body", line: 1, field: "", problem: ConfigProblem("check.body_not_json"))])
        }
        let diagnostics = ConfigDiagnostics(environment: [:], substitutesEnvironment: false)
        return try read(YAMLField(node: tree.node, file: "body", path: "", diagnostics: diagnostics), now: now)
    }
}

/// A JSON value, turned into the YAML node the document reader decodes: strings quoted, numbers, booleans and
/// null plain, as YAML would read them.
enum JSONTree: Decodable {
    case object([String: JSONTree])
    case array([JSONTree])
    case string(String)
    /// A number or a boolean, as its text.
    case plain(String)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .plain("null")
        } else if let value = try? container.decode(Bool.self) {
            self = .plain(value ? "true" : "false")
        } else if let value = try? container.decode(Int64.self) {
            self = .plain(String(value))
        } else if let value = try? container.decode(Double.self) {
            self = .plain(PostMortemReport.number(value))
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONTree].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONTree].self))
        }
    }

    var node: Node {
        switch self {
        case .object(let members):
            .mapping(
                Node.Mapping(
                    members.sorted { $0.key < $1.key }.map { key, value in
                        (.scalar(Node.Scalar(key, .implicit, .doubleQuoted)), value.node)
                    }))
        case .array(let items): .sequence(Node.Sequence(items.map(\.node)))
        case .string(let text): .scalar(Node.Scalar(text, .implicit, .doubleQuoted))
        case .plain(let text): .scalar(Node.Scalar(text, .implicit, .plain))
        }
    }
}
