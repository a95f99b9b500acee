// swift-tools-version: 6.1
// Coverage-guided fuzz targets (libFuzzer) for Tessera's readers of outside bytes. A separate
// package so that fuzzing never enters the normal build and test; see ../Docs/FUZZING.md and run.sh.
import PackageDescription

/// Every target is a libFuzzer entry point (`LLVMFuzzerTestOneInput`); libFuzzer supplies `main`.
let fuzzTarget: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "TesseraFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Tessera", path: "..")],
    targets: [
        .executableTarget(
            name: "FuzzTMX", dependencies: [.product(name: "TesseraTMX", package: "Tessera")], swiftSettings: fuzzTarget),
        .executableTarget(
            name: "FuzzTBX", dependencies: [.product(name: "TesseraGlossary", package: "Tessera")],
            swiftSettings: fuzzTarget),
        .executableTarget(
            name: "FuzzDelimited",
            dependencies: [
                .product(name: "TesseraCore", package: "Tessera"), .product(name: "TesseraGlossary", package: "Tessera"),
                .product(name: "TesseraText", package: "Tessera"),
            ],
            swiftSettings: fuzzTarget),
        .executableTarget(
            name: "FuzzSRX",
            dependencies: [
                .product(name: "TesseraCore", package: "Tessera"), .product(name: "TesseraText", package: "Tessera"),
            ], swiftSettings: fuzzTarget),
        .executableTarget(
            name: "FuzzTextFile",
            dependencies: [.product(name: "TesseraKit", package: "Tessera"), .product(name: "TesseraText", package: "Tessera")],
            swiftSettings: fuzzTarget),
    ]
)
