import Testing

@testable import tessera

/// `--max-upload` sizes: bytes or K, M, G (binary), parsed once with the command line.
struct ByteCountTests {
    @Test(arguments: [("512", 512), ("64K", 64 << 10), ("512m", 512 << 20), ("2G", 2 << 30)])
    func parse_readsBytesAndBinaryUnits(argument: String, bytes: Int) {
        #expect(ByteCount(argument: argument)?.bytes == bytes)
    }

    @Test(arguments: ["", "0", "-5", "2T", "G", "1.5G", "99999999999999999G"])
    func parse_refusesOtherText(argument: String) {
        #expect(ByteCount(argument: argument) == nil)
    }

    @Test func serve_takesMaxUploadWithADefaultOf2GiB() throws {
        #expect(try ServeCommand.parse([]).maxUpload.bytes == 2 << 30)
        #expect(try ServeCommand.parse(["--max-upload", "100M"]).maxUpload.bytes == 100 << 20)
        #expect(throws: (any Error).self) { try ServeCommand.parse(["--max-upload", "lots"]) }
    }
}
