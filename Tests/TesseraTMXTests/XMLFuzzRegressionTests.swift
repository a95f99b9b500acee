import Foundation
import Testing
import TesseraTMX

/// Inputs that were too slow or crashed the XML-based readers under coverage-guided fuzzing
/// (Fuzz/run.sh, FuzzTMX); fixtures in Fixtures/fuzz, see its README.
struct XMLFuzzRegressionTests {
    /// The processor time of the calling thread, in seconds (unaffected by other tests running).
    static func threadTime() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// An attribute value refers to a chain of entities that ends in undeclared ones: libxml2
    /// reports one error per reference it expands, and the reader built a Swift string for each
    /// (the fuzzer's 816-byte input took 0.65 s of processor time in the fuzz build). The document
    /// must be refused with one clean error, and quickly. (The time bound guards against a gross
    /// regression only: in a debug build the whole read took 0.2 s before the fix, 0.008 s after.)
    @Test func undeclaredEntityChain_isRefusedQuickly() throws {
        // In memory libxml2 parses past the DOCTYPE into the root element before the reader sees
        // the DOCTYPE (from a file it reads in chunks and stops earlier).
        let path = Fixtures.path("fuzz/tmx-undeclared-entity-chain.xml")
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let started = Self.threadTime()
        do {
            let reader = try TMXReader(bytes: bytes, name: "chain.tmx")
            while try reader.next() != nil {}
            Issue.record("the file was accepted")
        } catch {
            #expect(error.kind == .forbiddenXML)
            #expect(error.description.hasPrefix("chain.tmx:2:1: "), "\(error.description)")
        }
        let seconds = Self.threadTime() - started
        #expect(seconds < 0.5, "took \(seconds) s of processor time")
    }
}
