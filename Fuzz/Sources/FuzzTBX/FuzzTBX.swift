import TesseraGlossary

/// libFuzzer entry point: reads the input as a TBX document (TBX 2 `martif` or TBX 3 `tbx`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTBX(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let entries = try TBXReader.read(bytes: bytes, name: "fuzz.tbx")
        _ = entries.reduce(0) { $0 &+ $1.terms.count }
    } catch {
        _ = String(describing: error)
    }
    return 0
}
