import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `sohoa serve` started as a child process on a free loopback port, for end-to-end tests (the CLI's
/// and PostgreSQL's test targets); stopped by `stop()` (call it in a `defer`, so it stops when the test
/// fails too).
public final class ServerProcess {
    public let process = Process()
    public let port: Int
    public let log: URL

    public var base: String { "http://127.0.0.1:\(port)" }

    /// Starts the server on `archive` (and `extraArguments`, e.g. `--catalog`) and waits until it
    /// accepts connections (at most `timeout` seconds).
    public init(archive: URL, extraArguments: [String] = [], timeout: TimeInterval = 60) throws {
        port = try Self.freePort()
        log = FileManager.default.temporaryDirectory.appendingPathComponent("sohoa-serve-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.executableURL = SohoaBinary.url
        process.arguments = ["serve", "--archive", archive.path, "--port", String(port)] + extraArguments
        var environment = ProcessInfo.processInfo.environment
        environment["OMP_THREAD_LIMIT"] = "1"
        process.environment = environment
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if !process.isRunning { throw Failure(message: "sohoa serve stopped: \(output)") }
            if Self.answers(port: port) { return }
            Thread.sleep(forTimeInterval: 0.2)
        }
        stop()
        throw Failure(message: "sohoa serve did not answer within \(Int(timeout)) s: \(output)")
    }

    /// What the server printed.
    public var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    public func stop() {
        if process.isRunning {
            process.interrupt()
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
            if process.isRunning { process.terminate() }
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// A port nobody listens on now (bound to 0, read back, released).
    public static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(message: "socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0 else { throw Failure(message: "bind() failed") }
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { throw Failure(message: "getsockname() failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Whether something accepts connections on the port.
    public static func answers(port: Int) -> Bool {
        guard let fd = LocalSocket.connect(port: port) else { return false }
        close(fd)
        return true
    }
}
