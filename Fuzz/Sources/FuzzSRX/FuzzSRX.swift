import Foundation
import TesseraCore
import TesseraText

/// Languages whose language maps are matched in every document that loads.
private let languages = ["en", "de-CH", "pt-BR", "ja", "zh-Hant-TW"].compactMap { LanguageTag($0) }

/// libFuzzer entry point: parses the input as an SRX document (which compiles every rule and
/// language pattern, as `tessera segment --srx` and `align --srx` do before segmenting) and
/// matches its language maps against a few languages.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSRX(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    do {
        let document = try SRXDocument(data: Data(bytes: data, count: size), file: "fuzz.srx")
        for language in languages { _ = document.ruleList(for: language) }
    } catch {
        _ = error.description
    }
    return 0
}
