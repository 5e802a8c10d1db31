import ArgumentParser
import BeaconCore
import Foundation

/// One `beacon postmortem edit`: the document through an editor (again while it is wrong and someone is at the
/// terminal) or from a file, checked, then applied. Whatever was typed survives a refusal in a kept file.
struct PostMortemEditSession {
    let document: PostMortemDocument
    /// Saves an update; the second argument is what the editor started from, to refuse a concurrent change.
    let save: (PostMortemUpdate, PostMortemUpdate?) async throws -> PostMortemChanges
    /// The command that applies a kept file, without the file's path: printed when a text is kept.
    var retryHint = "beacon postmortem edit --file"

    init(
        document: PostMortemDocument,
        save: @escaping (PostMortemUpdate, PostMortemUpdate?) async throws -> PostMortemChanges
    ) {
        self.document = document
        self.save = save
    }

    /// `$VISUAL`, else `$EDITOR`, else `vi`: a shell command the file's path is appended to.
    static func editor(_ environment: [String: String]) -> String {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name], !value.trimmingCharacters(in: .whitespaces).isEmpty { return value }
        }
        return "vi"
    }

    /// Validates and applies a document read from `path`, without asking anything.
    func apply(file path: String) async throws {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            printErrors([document.words("cli.edit.cannot_read", ["path": path, "reason": error.localizedDescription])])
            throw ExitCode.failure
        }
        do {
            let update = try document.parse(text, file: path, now: Date())
            announce(try await save(update, nil))
        } catch let error as PostMortemDocumentError {
            printErrors(error.issues.map { $0.description(in: document.words) })
            throw ExitCode.failure
        } catch let error as StoreError {
            printErrors([error.message(in: document.words)])
            throw ExitCode.failure
        }
    }

    /// Opens the document in the editor until it is valid or the person gives up, then applies it.
    /// - Parameter interactive: whether standard input is a terminal, so the person can be asked to edit again.
    func edit(editor: String, interactive: Bool) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let path = directory.appendingPathComponent(document.fileName).path
        let original = document.text
        try original.write(toFile: path, atomically: false, encoding: .utf8)
        let base = PostMortemUpdate(document.report)
        while true {
            try runEditor(editor, path)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            do {
                if text != original {
                    let update = try document.parse(text, file: document.fileName, now: Date())
                    announce(update == base ? nil : try await save(update, base))
                } else {
                    announce(nil)
                }
                try? FileManager.default.removeItem(at: directory)
                return
            } catch let error as PostMortemDocumentError {
                printErrors(error.issues.map { $0.description(in: document.words) })
                if interactive && askToEditAgain() { continue }
                throw kept(path, because: document.words("page.postmortem.nothing_was_saved"))
            } catch let error as StoreError {
                throw kept(path, because: error.message(in: document.words))
            }
        }
    }

    private func announce(_ changes: PostMortemChanges?) {
        guard let changes, !changes.isEmpty else { return print(document.words("cli.edit.no_changes")) }
        print(document.words("cli.edit.saved", ["changes": TimelineText(document.words).summary(changes.edit)]))
    }

    /// Tells where the text is kept and how to apply it; the error to fail with.
    private func kept(_ path: String, because reason: String) -> ExitCode {
        printErrors([
            reason + " "
                + document.words(
                    "cli.edit.kept", ["path": path, "command": "\(retryHint) \(Self.shellQuoted(path))"])
        ])
        return ExitCode.failure
    }

    /// Runs the editor through `/bin/sh -c` on the terminal, as git does, so `EDITOR="code --wait"` works.
    private func runEditor(_ editor: String, _ path: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\(editor) \"$@\"", editor, path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw kept(
                path,
                because: "The editor (\(editor)) failed with status \(process.terminationStatus); nothing was saved.")
        }
    }

    private func askToEditAgain() -> Bool {
        FileHandle.standardError.write(Data("Edit again? [Y/n] ".utf8))
        guard let answer = readLine(strippingNewline: true) else { return false }
        return !answer.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("n")
    }

    /// A path as a shell reads it back: as it is when it is plain, in single quotes otherwise.
    static func shellQuoted(_ text: String) -> String {
        let plain = text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "/._-+=:,@".contains($0)) }
        return plain && !text.isEmpty ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
