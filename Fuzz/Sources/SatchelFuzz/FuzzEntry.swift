import Foundation

/// libFuzzer's entry point: every input runs through `FuzzTarget`, which traps when an invariant breaks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    FuzzTarget.run(Data(bytes: bytes, count: count))
    return 0
}
