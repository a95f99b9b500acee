import ArgumentParser
import Foundation
import TesseraKit

/// The `tessera` command: translation memories, glossaries and alignment from the command line.
///
/// Exit status: 0 success, 1 failure, 2 usage error (ArgumentParser's validation errors, which it
/// would report as 64, are mapped to 2 in ``main()``). Every failure is printed here, in one
/// place: one line on standard error and, when the command line asked for `--json`, the
/// ``JSONOutput/Failure`` document on standard output.
@main
struct Tessera: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tessera",
        abstract: "Translation memory, glossary and sentence alignment toolkit.",
        version: TesseraVersion.current,
        subcommands: [
            ImportCommand.self, ExportCommand.self, StatsCommand.self, LookupCommand.self, ConcordanceCommand.self,
            GlossaryCommand.self, TermCommand.self, TermsInCommand.self, CheckCommand.self, SegmentCommand.self,
            AlignCommand.self, ServeCommand.self, KeyCommand.self, MemoryCommand.self, CopyCommand.self,
        ])

    /// Parses, runs and maps a usage error to exit status 2.
    static func main() async {
        await main(Array(CommandLine.arguments.dropFirst()))
    }

    /// Parses `arguments`, runs the command and exits with 0, 1 or 2.
    static func main(_ arguments: [String]) async {
        var command: any ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            // Before the command exists, `--json` is read from the words before a `--`.
            fail(error, json: arguments.prefix { $0 != "--" }.contains("--json"))
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            fail(error, json: (command as? any JSONOutputCommand)?.printsJSON ?? false)
        }
    }

    /// Reports `error` and exits: an `ExitCode` as it is (the command printed its own output), a
    /// usage error with status 2, help and `--version` with 0, anything else with 1.
    ///
    /// This is the one place where errors become messages and statuses: commands throw the errors
    /// of TesseraKit as they are. Only ArgumentParser's own errors (`ValidationError`, `CleanExit`,
    /// parse and help errors) are asked for their status; any other error is a failure (1), also one that
    /// carries an error code of its own (an `NSError`, a database error).
    static func fail(_ error: any Error, json: Bool) -> Never {
        if let exit = error as? ExitCode { Foundation.exit(exit.rawValue) }
        // ArgumentParser's errors (`ValidationError`, `CleanExit`, its parse and help errors, also
        // thrown from `run()` by `--help`) carry their status; no other error does.
        let fromArgumentParser = String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
        let code = fromArgumentParser ? exitCode(for: error) : ExitCode.failure
        if code == .success { exit(withError: error) }  // --help, --version
        let status = code == .validationFailure ? ExitStatus.usage : ExitStatus.failure
        let message = status == ExitStatus.usage ? message(for: error) : "\(error)".split(whereSeparator: \.isNewline).joined(separator: " ")
        JSONOutput.printError(status == ExitStatus.usage ? fullMessage(for: error) : message)
        if json { JSONOutput.printFailure(message, status: status) }
        Foundation.exit(status)
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
