import ArgumentParser

/// A command that talks to a `sohoa serve` (login, submit, submissions): its work is asynchronous, and
/// `main.swift` awaits `perform()` (as it does `ServeCommand.serve()`).
protocol ServerClientCommand: AsyncParsableCommand {
    func perform() async throws
}

extension ServerClientCommand {
    func run() async throws { try await perform() }
}
