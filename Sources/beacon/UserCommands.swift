public import ArgumentParser
import BeaconCore
import BeaconServer
import Foundation

extension Beacon {
    struct UserCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "user", abstract: Localizer.terminal("help.user_command.abstract"),
            subcommands: [Add.self, Invite.self, List.self, Disable.self, SetPassword.self, Token.self])
    }
}

extension ServiceScope: ExpressibleByArgument {}

extension Beacon.UserCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Localizer.terminal("help.add.abstract"),
            discussion: Localizer.terminal("help.add.discussion"))

        @OptionGroup var options: ConfigOptions
        @Argument(help: .words("help.add.login")) var login: String
        @Flag(help: .words("help.add.admin")) var admin = false
        @Option(help: .words("help.add.service")) var service: ServiceScope?

        func run() async throws {
            let config = try options.loadMain()
            if let service {
                let repositories = try await options.openRepositories(config)
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
            let repositories = try await options.openRepositories(config)
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
        static let configuration = CommandConfiguration(abstract: Localizer.terminal("help.user_list.abstract"))
        @OptionGroup var options: ConfigOptions
        @Flag(help: .words("help.json")) var json = false

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
            abstract: Localizer.terminal("help.disable.abstract"))
        @OptionGroup var options: ConfigOptions
        @Argument var login: String

        func run() async throws {
            let config = try options.loadMain()
            let repositories = try await options.openRepositories(config)
            try await report(config) { try await repositories.people.updateUser(login: login) { $0.disabled = true } }
            print(config.words()("cli.user.disabled", ["login": login]))
        }
    }

    struct SetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-password", abstract: Localizer.terminal("help.set_password.abstract"))
        @OptionGroup var options: ConfigOptions
        @Argument var login: String

        func run() async throws {
            let config = try options.loadMain()
            let password = try readPassword(config.words())
            let repositories = try await options.openRepositories(config)
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
            abstract: Localizer.terminal("help.token.abstract"))
        @OptionGroup var options: ConfigOptions
        @Argument var login: String

        func run() async throws {
            let config = try options.loadMain()
            let repositories = try await options.openRepositories(config)
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
            abstract: Localizer.terminal("help.invite.abstract"),
            discussion: Localizer.terminal("help.invite.discussion"))

        @OptionGroup var options: ConfigOptions
        @Argument(help: .words("help.invite.logins")) var logins: [String] = []
        @Flag(help: .words("help.invite.all")) var all = false
        @Option(help: .words("help.invite.valid")) var valid: String = "72h"

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
            let repositories = try await options.openRepositories(config)
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
