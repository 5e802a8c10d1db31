extension PostMortem {
    /// The layers that write post-mortems: the front line and the directors; the decision layer reads them.
    public static let authors: Set<Layer> = [.operation, .execution]

    /// Why a person may not write a post-mortem, or `nil` when they may.
    /// - Parameters:
    ///   - person: the login (or name) messages use.
    public static func refusal(for person: String, in layer: Layer) -> String? {
        guard !authors.contains(layer) else { return nil }
        return
            "Only the operation and execution layers write post-mortems; \(person) is in the \(layer.rawValue) layer."
    }
}
