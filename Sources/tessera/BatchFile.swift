import Foundation
import TesseraKit

/// The one handler of the batch modes (`lookup --file`, `concordance --file`), with one rule:
/// the file is read whole (``QueryFile``) before the memory is opened, so a file that cannot be
/// read fails with exit status 1, its `FILE:LINE:COLUMN: message` line on standard error and
/// nothing on standard output; every line is a query numbered by its line in the file (a blank
/// line finds nothing and keeps its place); a query that finds nothing is not a failure (exit 0);
/// a missing memory or a storage error fails the batch with exit 1. README, "Batch files".
enum BatchFile {
    /// The queries of `path`.
    /// - Throws: the text-file error (`FILE:LINE:COLUMN: message`), a failure (exit 1).
    static func queries(_ path: String) throws -> [QueryFile.Query] {
        try QueryFile(path: path).queries
    }

    /// `--timings`: the query's line and its time in milliseconds, one line on standard error.
    static func printTiming(line: Int, milliseconds: Double) {
        FileHandle.standardError.write(Data("\(line)\t\(String(format: "%.3f", milliseconds))\n".utf8))
    }
}
