import ArgumentParser
import Foundation
import TesseraKit

/// The `tessera` command: translation memories, glossaries and alignment from the command line.
///
/// Exit status: 0 success, 1 failure, 2 usage error (ArgumentParser's validation errors, which it
/// would report as 64, are mapped to 2 in ``main()``).
@main
struct Tessera: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tessera",
        abstract: "Translation memory, glossary and sentence alignment toolkit.",
        subcommands: [
            ImportCommand.self, ExportCommand.self, StatsCommand.self, LookupCommand.self, ConcordanceCommand.self,
            GlossaryCommand.self, TermCommand.self, TermsInCommand.self, CheckCommand.self, SegmentCommand.self,
        ])

    /// Parses, runs and maps a usage error to exit status 2.
    static func main() async {
        await main(Array(CommandLine.arguments.dropFirst()))
    }

    /// Parses `arguments`, runs the command and exits with 0, 1 or 2.
    static func main(_ arguments: [String]) async {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.usage)
            }
            exit(withError: error)
        }
    }
}

/// The exit statuses of every command.
enum ExitStatus {
    /// The command did what was asked.
    static let success: Int32 = 0
    /// The command ran and failed (a malformed file, a missing database).
    static let failure: Int32 = 1
    /// The command line was wrong.
    static let usage: Int32 = 2
}
