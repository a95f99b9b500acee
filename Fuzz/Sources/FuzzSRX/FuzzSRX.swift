import Foundation
import TesseraCore
import TesseraText

/// The languages whose rules are compiled from every document that loads.
private let languages = ["en", "de", "fr", "ja"].compactMap { LanguageTag($0) }

/// libFuzzer entry point: parses the input as an SRX document and compiles the rules it selects
/// for a few languages (what `tessera segment --srx` and `align --srx` do before segmenting).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSRX(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    do {
        let document = try SRXDocument(data: Data(bytes: data, count: size), file: "fuzz.srx")
        for language in languages { _ = try document.rules(for: language) }
    } catch {
        _ = error.description
    }
    return 0
}
