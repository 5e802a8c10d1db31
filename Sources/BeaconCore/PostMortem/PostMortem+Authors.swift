extension PostMortem {
    /// The layers that write post-mortems: the front line and the directors; the decision layer reads them.
    public static let authors: Set<Layer> = [.operation, .execution]

    /// Why a person may not write a post-mortem, or `nil` when they may.
    /// - Parameters:
    ///   - person: the login (or name) messages use.
    ///   - words: the language it is said in (English for the API).
    public static func refusal(for person: String, in layer: Layer, words: Localizer = .english) -> String? {
        guard !authors.contains(layer) else { return nil }
        return words("flash.postmortem_writers", ["login": person, "layer": words.layer(layer)])
    }
}
