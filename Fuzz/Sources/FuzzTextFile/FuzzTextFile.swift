import Foundation
import TesseraKit

/// The batch text-file reader under test. Today `check --file` reads its pairs with
/// `CheckTerminology.readPairs(path:)`; `lookup --file` splits the file inside the CLI command and
/// is not reachable from a library. When one shared text-file reader exists, call it here.
private func readBatchTextFile(path: String) throws {
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
