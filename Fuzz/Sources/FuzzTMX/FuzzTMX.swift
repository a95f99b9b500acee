import Foundation
import TesseraTMX

/// libFuzzer entry point: reads the input as a TMX document to the end, once stopping at the
/// first fault and once skipping invalid units. A gzip input (`1f 8b`) goes through a temporary
/// `.tmx.gz` file, the path `tessera import` takes for compressed files.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTMX(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if bytes.starts(with: [0x1F, 0x8B]) {
        let path = NSTemporaryDirectory() + "fuzz-tmx-\(getpid()).tmx.gz"
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { fatalError("Cannot write \(path).") }
        defer { try? FileManager.default.removeItem(atPath: path) }
        readAll { () throws(TMXError) in try TMXReader(path: path) }
    } else {
        readAll { () throws(TMXError) in try TMXReader(bytes: bytes, name: "fuzz.tmx") }
        readAll { () throws(TMXError) in try TMXReader(bytes: bytes, name: "fuzz.tmx", options: .skipInvalid) }
    }
    return 0
}

/// Opens a reader and pulls every unit; an error is expected and only formatted.
private func readAll(_ open: () throws(TMXError) -> TMXReader) {
    do {
        let reader = try open()
        var languages = 0
        while let unit = try reader.next() {
            for variant in unit.variants { languages &+= variant.segment.plainText.utf8.count }
        }
        _ = (languages, reader.warnings.total, reader.skippedUnits.count, reader.header)
    } catch {
        _ = error.description
    }
}
