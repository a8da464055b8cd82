import Foundation
import FuzzTargets

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if LICSCOPE_FUZZ
/// The target this libFuzzer process drives, from `LICSCOPE_FUZZ_TARGET` (read once).
nonisolated(unsafe) private var selectedTarget: FuzzTarget? = {
    guard let name = getenv("LICSCOPE_FUZZ_TARGET").map({ String(cString: $0) }), let target = FuzzTarget(rawValue: name)
    else {
        FileHandle.standardError.write(Data("licscope-fuzz: set LICSCOPE_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue))\n".utf8))
        exit(2)
    }
    return target
}()

/// libFuzzer's entry point (built with `-sanitize=fuzzer` and `-DLICSCOPE_FUZZ`; see `make fuzz`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    selectedTarget?.run(bytes)
    return 0
}
#else
/// Without libFuzzer: `licscope-fuzz TARGET FILE...` replays inputs (regression fixtures, crashers) through a target.
@main
struct FuzzReplay {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("usage: licscope-fuzz TARGET FILE... (targets: \(FuzzTarget.allCases.map(\.rawValue)))\n".utf8))
            exit(2)
        }
        for path in arguments.dropFirst() {
            guard let file = fopen(path, "rb") else {
                FileHandle.standardError.write(Data("licscope-fuzz: cannot open \(path)\n".utf8))
                exit(2)
            }
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let got = fread(&buffer, 1, buffer.count, file)
                if got <= 0 { break }
                bytes += buffer[0..<got]
            }
            fclose(file)
            target.run(bytes)
            print("\(name) \(path): ok")
        }
    }
}
#endif
