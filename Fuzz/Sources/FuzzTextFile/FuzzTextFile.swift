import Foundation
import TesseraKit
import TesseraText

/// The batch text-file readers under test: `TextFile`, the one reader of every text input
/// (`lookup --file`, `concordance --file`, articles, CSV glossaries), and the TSV pairs of
/// `check --file` read on top of it (`CheckTerminology.readPairs(path:)`).
private func readBatchTextFile(path: String) throws {
    let lines = try TextFile(path: path).lines
    _ = lines.reduce(0) { $0 &+ $1.text.utf8.count &+ $1.number }
    let pairs = try CheckTerminology.readPairs(path: path)
    _ = pairs.reduce(0) { $0 &+ $1.source.utf8.count &+ $1.target.utf8.count }
}

/// A temporary file per fuzzing process, rewritten for every input.
private let path = NSTemporaryDirectory() + "fuzz-textfile-\(getpid()).txt"

/// libFuzzer entry point: writes the input to a file and reads it as a batch text file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTextFile(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes: data, count: size)) else {
        fatalError("Cannot write \(path).")
    }
    do {
        try readBatchTextFile(path: path)
    } catch {
        _ = String(describing: error)
    }
    return 0
}
