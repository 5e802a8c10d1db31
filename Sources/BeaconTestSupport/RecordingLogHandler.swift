import BeaconCore
public import Logging

/// A log handler that keeps every message, for tests that check what was logged (and what was not).
public struct RecordingLogHandler: LogHandler {
    /// One logged message with its level and metadata, as text.
    public struct Entry: Sendable, Hashable {
        public var level: Logger.Level
        public var message: String
        public var metadata: [String: String]
    }

    /// The messages logged so far, shared by every copy of the handler.
    public final class Book: Sendable {
        private let entries = Locked<[Entry]>([])
        public init() {}
        public var all: [Entry] { entries.withLock { $0 } }
        func append(_ entry: Entry) { entries.withLock { $0.append(entry) } }
    }

    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .trace
    private let book: Book

    /// A logger writing into `book`.
    public static func logger(_ book: Book) -> Logger {
        Logger(label: "test") { _ in RecordingLogHandler(book: book) }
    }

    init(book: Book) {
        self.book = book
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        book.append(
            Entry(level: event.level, message: "\(event.message)", metadata: merged.mapValues { "\($0)" }))
    }
}
