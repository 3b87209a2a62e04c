import Foundation

/// A blocking HTTP/1.1 connection to a loopback port, so tests send request targets exactly as written
/// (`/%2e%2e/secret.txt`, `/../secret.txt`): URL types would normalise them first. Every read has a deadline.
final class SocketConnection {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let socket: Int32
    private var buffer: [UInt8] = []
    private let deadline: Date

    init(port: Int, timeout: Double) throws {
        deadline = Date().addingTimeInterval(timeout)
        #if canImport(Glibc)
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        socket = Darwin.socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard socket >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socket)
            throw Failure(description: "connect to port \(port): \(String(cString: strerror(errno)))")
        }
    }

    deinit { close(socket) }

    /// Ends a read blocked on another thread: it sees the end of the stream.
    static func shutDown(_ socket: Int32) {
        _ = shutdown(socket, Int32(SHUT_RDWR))
    }

    var descriptor: Int32 { socket }

    func send(_ text: String) throws {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let sent = bytes.withUnsafeBytes { Foundation.send(socket, $0.baseAddress, $0.count, 0) }
            guard sent > 0 else { throw Failure(description: "send: \(String(cString: strerror(errno)))") }
            bytes = bytes.dropFirst(sent)
        }
    }

    /// Sends a GET for `target` and reads the whole response (the server closes the connection after it).
    func get(_ target: String) throws -> (status: Int, headers: [String: String], body: String) {
        try send("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        let (status, headers) = try readHead()
        var body: [UInt8] = []
        if headers["transfer-encoding"] == "chunked" {
            while let chunk = try readChunk() { body += chunk }
        } else {
            while try fill() {}
            body = buffer
        }
        return (status, headers, String(decoding: body, as: UTF8.self))
    }

    /// The status line and the headers (names lowercased).
    func readHead() throws -> (status: Int, headers: [String: String]) {
        let statusLine = try readLine()
        guard let status = statusLine.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else {
            throw Failure(description: "not an HTTP response: \(statusLine)")
        }
        var headers: [String: String] = [:]
        while true {
            let line = try readLine()
            if line.isEmpty { break }
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (status, headers)
    }

    /// One chunk of a chunked body; nil at its end.
    func readChunk() throws -> [UInt8]? {
        guard let size = Int(try readLine(), radix: 16) else { throw Failure(description: "bad chunk size") }
        if size == 0 { return nil }
        while buffer.count < size + 2 {
            guard try fill() else { throw Failure(description: "connection closed inside a chunk") }
        }
        let chunk = Array(buffer[..<size])
        buffer.removeFirst(size + 2)
        return chunk
    }

    private func readLine() throws -> String {
        while true {
            if let end = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[..<end], as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
                buffer.removeFirst(end + 1)
                return line
            }
            guard try fill() else { throw Failure(description: "connection closed mid-line") }
        }
    }

    /// Reads what arrives before the deadline; false at the end of the stream.
    private func fill() throws -> Bool {
        let remaining = deadline.timeIntervalSinceNow
        guard remaining > 0 else { throw Failure(description: "timed out") }
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, Int32(remaining * 1000)) > 0 else { throw Failure(description: "timed out") }
        var bytes = [UInt8](repeating: 0, count: 16 * 1024)
        let count = recv(socket, &bytes, bytes.count, 0)
        guard count > 0 else { return false }
        buffer += bytes[..<count]
        return true
    }
}

/// Runs blocking socket work on a thread of its own, leaving the few threads tasks share to the server.
func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}
