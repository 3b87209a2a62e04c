import Foundation

/// A message to the open pages, sent as a server-sent event on `/__satchel/events`.
enum ReloadEvent: Equatable, Sendable {
    /// The first message on every connection: the build the page should show. A page served before a build
    /// it did not hear about reloads.
    case hello(generation: String)
    /// The site changed, or the errors are fixed: reload.
    case reload
    /// The last build failed; the lines are its diagnostics as printed in the terminal.
    case errors([String])

    /// The event in the `text/event-stream` format: an `event:` line, one `data:` line and a blank line.
    var serverSentEvent: String {
        switch self {
        case .hello(let generation):
            return "event: hello\ndata: \(generation)\n\n"
        case .reload:
            return "event: reload\ndata: \n\n"
        case .errors(let lines):
            // JSON keeps the whole list on one line whatever the messages hold.
            let json = (try? JSONEncoder().encode(lines)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
            return "event: errors\ndata: \(json)\n\n"
        }
    }
}
