/// The kinds of one module's ``KindedError``: an enum of named failures, printed by name before the
/// message (`malformedTBX: …`) unless ``printsLabel`` says otherwise.
///
/// ```swift
/// public enum ParseErrorKind: String, ErrorKind { case unterminatedQuote }
/// public typealias ParseError = KindedError<ParseErrorKind>
/// ```
public protocol ErrorKind: RawRepresentable<String>, Hashable, Sendable {
    /// Whether the printed line shows the kind's name before the message; `true` by default.
    static var printsLabel: Bool { get }
}

extension ErrorKind {
    /// The kind's name is printed.
    public static var printsLabel: Bool { true }
}
