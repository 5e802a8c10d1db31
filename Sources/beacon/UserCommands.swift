public import ArgumentParser
import BeaconCore
import BeaconServer
import Foundation

extension Beacon {
    struct UserCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "user", abstract: "Manage the people who sign in to the console and call the API.",
            subcommands: [Add.self, List.self, Disable.self, SetPassword.self, Token.self])
    }
}

extension Beacon.UserCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a user; the password is read from standard input.")

        @OptionGroup var options: ConfigOptions
        @Argument(help: "The login; a person of the command chain with the same login is this user.") var login: String
        @Option(help: "The name shown in the console and on the timeline.") var name: String
        @Option(help: "operation, execution or decision: what the user may do.") var layer: Layer
        @Flag(help: "May manage users.") var admin = false

        func run() async throws {
            let password = try readPassword()
            let config = try options.loadMain()
            let repositories = try options.openRepositories(config)
            let user = try await report {
                try await repositories.people.addUser(
                    login: login, name: name, layer: layer, admin: admin,
                    passwordHash: Credentials.hashPassword(password), at: Date())
            }
            print("Added \(user.login) (\(user.name)), \(user.layer.rawValue)\(user.admin ? ", admin" : "").")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users.")
        @OptionGroup var options: ConfigOptions
        @Flag(help: "Print one JSON document.") var json = false

        func run() async throws {
            let config = try options.loadMain()
            let users = try await options.openRepositories(config).people.users()
            if json { return try printJSON(users.map(UserResource.init)) }
            guard !users.isEmpty else { return print("No users. Add one with `beacon user add`.") }
            for user in users {
                let flags = [user.admin ? "admin" : nil, user.disabled ? "disabled" : nil].compactMap { $0 }
                let suffix = flags.isEmpty ? "" : " (\(flags.joined(separator: ", ")))"
                print(
                    "\(user.login.padding(toLength: 14, withPad: " ", startingAt: 0)) \(user.layer.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(user.name)\(suffix)"
                )
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Disable a user: no sign-in, no API token, sessions ended.")
        @OptionGroup var options: ConfigOptions
        @Argument var login: String

        func run() async throws {
            let config = try options.loadMain()
            let repositories = try options.openRepositories(config)
            try await report { try await repositories.people.updateUser(login: login) { $0.disabled = true } }
            print("Disabled \(login).")
        }
    }

    struct SetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-password", abstract: "Set a user's password, read from standard input.")
        @OptionGroup var options: ConfigOptions
        @Argument var login: String

        func run() async throws {
            let password = try readPassword()
            let config = try options.loadMain()
            let repositories = try options.openRepositories(config)
            try await report {
                try await repositories.people.updateUser(login: login) { user in
                    user.passwordHash = Credentials.hashPassword(password)
                    user.failedLogins = 0
                    user.lockedUntil = nil
                }
            }
            print("Password set for \(login).")
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a new API token for a user and print it once; only its hash is kept.")
        @OptionGroup var options: ConfigOptions
        @Argument var login: String

        func run() async throws {
            let config = try options.loadMain()
            let repositories = try options.openRepositories(config)
            let made = Credentials.newToken()
            try await report {
                try await repositories.people.addToken(login: login, hash: made.hash, prefix: made.prefix, at: Date())
            }
            print(made.token)
        }
    }
}

extension Layer: ExpressibleByArgument {}

/// Reads a password from the first line of standard input.
private func readPassword() throws -> String {
    guard let line = Swift.readLine(strippingNewline: true) else {
        throw ValidationError("Give the password on standard input, for example: echo '…' | beacon user add …")
    }
    do {
        try Credentials.validate(password: line)
    } catch {
        throw ValidationError(error.description)
    }
    return line
}

/// Runs a user change, printing a `UserError` as a sentence and failing.
@discardableResult
private func report<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as UserError {
        printErrors([error.message])
        throw ExitCode.failure
    }
}
