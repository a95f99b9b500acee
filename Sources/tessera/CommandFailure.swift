/// A failure of a command (exit status 1) with its one-line message; ``Tessera/main(_:)`` prints
/// it on standard error (and, with `--json`, as a ``JSONOutput/Failure`` document on standard output).
struct CommandFailure: Error, CustomStringConvertible {
    /// The message, one line.
    var description: String

    /// A failure with `message`.
    init(_ message: String) { description = message }
}
