/// A command that can print one JSON document on standard output: when it fails without printing
/// a report, ``Tessera/main(_:)`` prints the ``JSONOutput/Failure`` document there instead.
protocol JSONOutputCommand {
    /// Whether standard output is one JSON document.
    var printsJSON: Bool { get }
}
