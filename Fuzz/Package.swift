// swift-tools-version:6.0
// A libFuzzer target for Satchel's input stages, kept out of the main package so that its normal build
// never needs the fuzzer runtime. Build and run it with `make fuzz` (see scripts/fuzz).
import PackageDescription

let package = Package(
    name: "SatchelFuzz",
    dependencies: [.package(name: "Satchel", path: "..")],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(
            name: "SatchelFuzz",
            dependencies: ["FuzzDriver", .product(name: "SatchelCore", package: "Satchel")],
            // libFuzzer supplies `main`; the Swift file only exports LLVMFuzzerTestOneInput.
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ],
    swiftLanguageModes: [.v6]
)
