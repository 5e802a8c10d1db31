public import ArgumentParser
import BeaconCore
import BeaconServer
import Foundation

extension Beacon {
    struct UserCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "user", abstract: "Manage the people who sign in to the console and call the API.",
            subcommands: [Add.self, Invite.self, List.self, Disable.self, SetPassword.self, Token.self])
    }
}

extension ServiceScope: ExpressibleByArgument {}

extension Beacon.UserCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a person of the command chain as a user (password on standard input), or a service account.",
            discussion: """
                A user is a person of the chain in beacon.yaml, by login: their name and layer are read from the \
                chain at every request, so moving them to another layer there and reloading changes what they may \
                do. A tool (Alertmanager, a dashboard) gets a service account instead: --service read or intake, \
                no layer, no password; give it a token with `beacon user token`.
                """)

        @OptionGroup var options: ConfigOptions
        @Argument(help: "The login of a person of the command chain (or the service account's name).") var login: String
        @Flag(help: "May manage users.") var admin = false
        @Option(help: "Make a service account with this scope instead: read or intake.") var service: ServiceScope?

        func run() async throws {
            let config = try options.loadMain()
            if let service {
                let repositories = try options.openRepositories(config)
                let account = try await report(config) {
                    try await repositories.people.addServiceAccount(login: login, scope: service, at: Date())
                }
                return print(
                    config.words()("cli.user.added_service", ["login": account.login, "scope": service.rawValue]))
            }
            guard let (person, layer) = config.chain.person(PersonID(login)), person.login == login else {
                let known = config.chain.people.compactMap(\.login).joined(separator: ", ")
                throw ValidationError(config.words()("cli.error.not_in_chain", ["login": login, "known": known]))
            }
            let password = try readPassword(config.words())
            let repositories = try options.openRepositories(config)
            let user = try await report(config) {
                try await repositories.people.addUser(
                    login: login, name: person.name, layer: layer, admin: admin,
                    passwordHash: Credentials.hashPassword(password), at: Date())
            }
            let words = config.words()
            print(
                words(
                    user.admin ? "cli.user.added_admin" : "cli.user.added",
                    ["login": user.login, "name": user.name, "layer": words.layer(layer)]))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users.")
        @OptionGroup var options: ConfigOptions
        @Flag(help: "Print one JSON document.") var json = false

        func run() async throws {
            let config = try options.loadMain()
            let users = try await options.openRepositories(config).people.users()
            // As the chain says now: a person's layer and name are the chain's.
            let current = users.map { $0.inChain(config.chain) ?? $0 }
            if json { return try printJSON(current.map(UserResource.init)) }
            guard !users.isEmpty else { return print(config.words()("cli.user.none")) }
            for (user, stored) in zip(current, users) {
                let outside = stored.service == nil && stored.inChain(config.chain) == nil
                let flags = [
                    user.admin ? "admin" : nil, user.disabled ? "disabled" : nil,
                    outside ? "not in the chain: cannot act" : nil,
                ].compactMap { $0 }
                let suffix = flags.isEmpty ? "" : " (\(flags.joined(separator: ", ")))"
                let role = user.service.map { "service:\($0.rawValue)" } ?? user.layer.rawValue
                print(
                    user.login.padding(toLength: 14, withPad: " ", startingAt: 0) + " "
                        + role.padding(toLength: 14, withPad: " ", startingAt: 0) + " \(user.name)\(suffix)")
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
            try await report(config) { try await repositories.people.updateUser(login: login) { $0.disabled = true } }
            print(config.words()("cli.user.disabled", ["login": login]))
        }
    }

    struct SetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-password", abstract: "Set a user's password, read from standard input.")
        @OptionGroup var options: ConfigOptions
        @Argument var login: String

        func run() async throws {
            let config = try options.loadMain()
            let password = try readPassword(config.words())
            let repositories = try options.openRepositories(config)
            try await report(config) {
                try await repositories.people.updateUser(login: login) { user in
                    user.passwordHash = Credentials.hashPassword(password)
                    user.failedLogins = 0
                    user.lockedUntil = nil
                }
            }
            print(config.words()("cli.user.password", ["login": login]))
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
            try await report(config) {
                try await repositories.people.addToken(login: login, hash: made.hash, prefix: made.prefix, at: Date())
            }
            print(made.token)
        }
    }
}

extension Layer: ExpressibleByArgument {}

/// Reads a password from the first line of standard input.
private func readPassword(_ words: Localizer) throws -> String {
    guard let line = Swift.readLine(strippingNewline: true) else {
        throw ValidationError(words("cli.error.password_stdin"))
    }
    do {
        try Credentials.validate(password: line)
    } catch {
        throw ValidationError(error.message(in: words))
    }
    return line
}

/// Runs a user change, printing a `UserError` as a sentence and failing.
@discardableResult
private func report<T>(_ config: BeaconConfig, _ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as UserError {
        printErrors([error.message(in: config.words())])
        throw ExitCode.failure
    }
}

extension Beacon.UserCommand {
    struct Invite: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Invite people of the chain: a one-time, expiring link to set their password, printed for each.",
            discussion: """
                Makes the user when there is none yet (name and layer from the chain, no password), sends each \
                person a link over their personal channels (e-mail, SMS, a personal webhook: never a group robot, \
                where anyone could use it; `beacon serve` delivers it) and prints it too. A link works once and \
                only until it expires.
                """)

        @OptionGroup var options: ConfigOptions
        @Argument(help: "Logins of people of the chain.") var logins: [String] = []
        @Flag(help: "Invite every person of the chain who has a login.") var all = false
        @Option(help: "How long the links work (default 72h).") var valid: String = "72h"

        func run() async throws {
            let config = try options.loadMain()
            guard case .success(let lifetime) = ConfigText.parseDuration(valid), lifetime > .zero else {
                throw ValidationError(config.words()("cli.error.valid"))
            }
            let chain = config.chain
            let people: [(person: Person, layer: Layer)]
            if all {
                people = Layer.allCases.flatMap { layer in chain[layer].people.map { ($0, layer) } }
                    .filter { $0.person.login != nil }
            } else {
                guard !logins.isEmpty else { throw ValidationError(config.words()("cli.error.invite_whom")) }
                people = try logins.map { login in
                    guard let found = chain.person(PersonID(login)), found.person.login == login else {
                        throw ValidationError(config.words()("cli.error.not_a_login", ["login": login]))
                    }
                    return found
                }
            }
            let repositories = try options.openRepositories(config)
            let now = Date()
            let expires = now.addingTimeInterval(lifetime.seconds)
            let planner = CommandPlanner(config: config)
            for (person, layer) in people {
                guard let login = person.login else { continue }
                if try await repositories.people.user(login: login) == nil {
                    try await repositories.people.addUser(
                        login: login, name: person.name, layer: layer, admin: false, passwordHash: nil, at: now)
                }
                let code = Credentials.randomText(bytes: 24)
                let url = "\(config.publicURL)/invite/\(code)"
                let notifications = planner.invitation(person, layer: layer, url: url, expiresAt: expires, at: now)
                try await repositories.people.createInvitation(
                    login: login, codeHash: Credentials.sha256(code), expiresAt: expires, notifications: notifications,
                    at: now)
                let words = config.words()
                let sent =
                    notifications.first.map { words("cli.invite.sent", ["channel": $0.channelID]) }
                    ?? words("cli.invite.hand_over")
                print(
                    words(
                        "cli.invite.link",
                        ["login": login, "name": person.name, "layer": words.layer(layer), "sent": sent, "url": url]))
            }
            let until = LocalDateTime(expires, in: config.rosterZone).readable
            print(config.words()("cli.invite.until", ["time": until, "zone": config.rosterZone.identifier]))
        }
    }
}
