package import TesseraCore
/// The one error type of TesseraAlignment: a malformed alignment ("beads") file.
///
/// ```swift
/// AlignmentError(.malformedBead, "Not an alignment line: \"[1, 2]\".", line: 3).description
/// // "line 3: malformedBead: Not an alignment line: \"[1, 2]\"."
/// ```
package typealias AlignmentError = KindedError<AlignmentErrorKind>

/// The kinds of ``AlignmentError``.
package enum AlignmentErrorKind: String, ErrorKind {
    /// A line is not of the form `[i, j]:[k]`.
    case malformedBead
}
