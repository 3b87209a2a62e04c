import Foundation

/// A page's view of `/__satchel/events`: a thread reads the stream and collects its events until `close()`.
struct EventStream: Sendable {
    struct Event: Sendable, CustomStringConvertible {
        var name: String
        var data: String
        var description: String { "\(name): \(data)" }
    }

    let events: Inbox<Event>
    private let socket: Int32

    /// Connects and returns once the response headers arrived.
    static func open(port: Int, timeout: Double = 120) async throws -> EventStream {
        let events = Inbox<Event>()
        let opened = Inbox<Result<Int32, SocketConnection.Failure>>()
        Thread {
            do {
                let connection = try SocketConnection(port: port, timeout: timeout)
                try connection.send("GET /__satchel/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                let (status, headers) = try connection.readHead()
                guard status == 200, headers["content-type"]?.hasPrefix("text/event-stream") == true else {
                    throw SocketConnection.Failure(description: "events answered \(status) \(headers)")
                }
                opened.append(.success(connection.descriptor))
                var text = ""
                while let chunk = try connection.readChunk() {
                    text += String(decoding: chunk, as: UTF8.self)
                    while let end = text.range(of: "\n\n") {
                        events.append(Self.parse(text[..<end.lowerBound]))
                        text.removeSubrange(..<end.upperBound)
                    }
                }
            } catch let failure as SocketConnection.Failure {
                opened.append(.failure(failure))
            } catch {
                opened.append(.failure(SocketConnection.Failure(description: "\(error)")))
            }
        }.start()
        let socket = try await opened.first(within: timeout, "event stream") { _ in true }.get()
        return EventStream(events: events, socket: socket)
    }

    private init(events: Inbox<Event>, socket: Int32) {
        self.events = events
        self.socket = socket
    }

    /// The `number`th event named `name`, received so far or within `seconds`.
    func event(_ name: String, number: Int = 1, within seconds: Double = 20) async throws -> Event {
        try await events.wait(within: seconds, for: "event '\(name)' number \(number)") { events in
            let named = events.filter { $0.name == name }
            return named.count >= number ? named[number - 1] : nil
        }
    }

    func count(of name: String) -> Int {
        events.all.filter { $0.name == name }.count
    }

    func close() {
        SocketConnection.shutDown(socket)
    }

    private static func parse(_ block: Substring) -> Event {
        var event = Event(name: "message", data: "")
        for line in block.split(separator: "\n") {
            if line.hasPrefix("event: ") { event.name = String(line.dropFirst(7)) }
            if line.hasPrefix("data: ") { event.data = String(line.dropFirst(6)) }
        }
        return event
    }
}
