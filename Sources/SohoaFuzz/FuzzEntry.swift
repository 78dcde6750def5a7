import Foundation

/// libFuzzer's driver, called from `main` below (libFuzzer links it in with `-sanitize=fuzzer`).
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The program's entry point. SwiftPM links an executable target's `main` to `<Target>_main`, so
/// libFuzzer's own `main` is not used: this one hands the command line to libFuzzer's driver.
@_cdecl("SohoaFuzz_main")
public func fuzzMain(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
    var count = argc
    var arguments = argv
    return withUnsafeMutablePointer(to: &arguments) { arguments in
        runFuzzerDriver(&count, arguments, fuzzOneInput)
    }
}

/// Called by libFuzzer once before the first input: chooses the target and opens what it keeps
/// (the bag target's scratch archive), so that this one-time work is not counted against the first input.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(
    _ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?
) -> CInt {
    if FuzzTarget.selected == .bag { _ = BagReading.importer }
    return 0
}

/// libFuzzer's entry point: hands one input to the reader named by `SOHOA_FUZZ_TARGET`.
///
/// A reader may refuse the input (that is its job); only a crash, a hang or a leak is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let input = start.map { Data(bytes: $0, count: count) } ?? Data()
    FuzzTarget.selected.run(input)
    return 0
}
