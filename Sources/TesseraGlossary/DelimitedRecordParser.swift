/// Splits delimited text (CSV per RFC 4180, or tab-separated) into records with their line
/// numbers.
///
/// With `quoting` on, a field that starts with `"` runs to the next lone `"`, may contain the
/// delimiter and line breaks, and writes a quote as `""`. Without it (OmegaT and Okapi tab files)
/// quotes are ordinary characters. Line ends may be LF, CRLF or CR.
///
/// ```swift
/// try DelimitedRecordParser.records(in: "\"\"\"kde\"\",\"\"q\"\"\",cdk\n", delimiter: ",", quoting: true)
///     .first?.fields   // ["\"kde\",\"q\"", "cdk"]
/// ```
///
/// - SeeAlso: [RFC 4180](https://www.rfc-editor.org/rfc/rfc4180)
/// - Complexity: O(n) in the length of the text.
package enum DelimitedRecordParser {
    /// One record: its fields and the 1-based line where it starts.
    package struct Record: Hashable, Sendable {
        /// The 1-based line where the record starts.
        package var line: Int
        /// The fields, unquoted.
        package var fields: [String]
    }

    /// Parses every record of `text`.
    /// - Parameters:
    ///   - text: The decoded text (BOM removed).
    ///   - delimiter: `,`, `;` or a tab.
    ///   - quoting: Whether RFC 4180 quoting applies.
    /// - Throws: ``GlossaryError`` `.malformedDelimited` for a quote left open at the end of the
    ///   file or text after a closing quote.
    package static func records(in text: String, delimiter: Unicode.Scalar, quoting: Bool) throws -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quotedField = false
        var afterClosingQuote = false
        var previousWasCR = false
        var quoteLine = 1
        var quoteColumn = 1
        var column = 0

        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            quotedField = false
            afterClosingQuote = false
        }
        func endRecord() {
            endField()
            records.append(Record(line: recordLine, fields: fields))
            fields = []
        }

        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? iterator.next() {
            pending = nil
            column += 1
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                column = 0
                continue
            }
            previousWasCR = false
            if inQuotes {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        field.append("\"")
                        column += 1
                    } else {
                        inQuotes = false
                        afterClosingQuote = true
                        pending = next
                    }
                } else {
                    if scalar == "\n" || scalar == "\r" {
                        line += 1
                        column = 0
                        previousWasCR = scalar == "\r"
                        field.append("\n")
                    } else {
                        field.append(scalar)
                    }
                }
                continue
            }
            if scalar == "\n" || scalar == "\r" {
                endRecord()
                line += 1
                recordLine = line
                column = 0
                previousWasCR = scalar == "\r"
                continue
            }
            if scalar == delimiter {
                endField()
                continue
            }
            if quoting && scalar == "\"" && field.isEmpty && !quotedField && !afterClosingQuote {
                inQuotes = true
                quotedField = true
                quoteLine = line
                quoteColumn = column
                continue
            }
            if afterClosingQuote {
                if scalar == " " || scalar == "\t" { continue }
                throw GlossaryError(
                    .malformedDelimited, "Text after a closing quote; a quote inside a quoted field must be doubled.",
                    line: line, column: column)
            }
            field.append(scalar)
        }
        if inQuotes {
            throw GlossaryError(
                .malformedDelimited, "A quoted field is not closed before the end of the file.", line: quoteLine,
                column: quoteColumn)
        }
        if !field.isEmpty || !fields.isEmpty || quotedField { endRecord() }
        return records
    }
}
