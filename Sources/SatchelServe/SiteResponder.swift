import Foundation
import Hummingbird

/// Answers the browser in serve mode: the output folder's files, with the live-reload script added to HTML
/// pages, the script itself, and the event stream that tells pages to reload or show errors.
struct SiteResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let files: OutputFiles
    let hub: ReloadHub

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            var response = Self.text(.methodNotAllowed, "Only GET and HEAD are served.")
            response.headers[.allow] = "GET, HEAD"
            return response
        }
        let response = await response(for: request.uri.path)
        return request.method == .head ? response.createHeadResponse() : response
    }

    private func response(for path: String) async -> Response {
        switch path {
        case LiveReloadScript.eventsPath: return await events()
        case LiveReloadScript.path: return Self.bytes(.ok, Data(LiveReloadScript.source.utf8), type: MediaType.of(fileName: path))
        default: break
        }
        // Read before the file, so a page that races a rebuild carries the older generation and reloads.
        let generation = await hub.generation
        switch files.resolve(path) {
        case .file(let file):
            if let response = serve(file, status: .ok, generation: generation) { return response }
            return notFound(generation: generation)
        case .redirect(let location):
            var response = Self.text(.movedPermanently, "Moved to \(location)")
            response.headers[.location] = location
            return response
        case .notFound: return notFound(generation: generation)
        case .forbidden: return Self.text(.forbidden, "Forbidden: the path leads outside the site.")
        case .badRequest: return Self.text(.badRequest, "Bad request: the path is not valid percent-encoded UTF-8.")
        }
    }

    /// The site's own 404 page; before any build succeeded, a bare page that still shows the errors.
    private func notFound(generation: String) -> Response {
        if case .file(let page) = files.resolve("/404.html"), let response = serve(page, status: .notFound, generation: generation) {
            return response
        }
        let page = "<!doctype html><title>Not found</title><h1>Not found</h1></body>"
        return Self.bytes(.notFound, LiveReloadScript.inject(into: Data(page.utf8), generation: generation), type: MediaType.html)
    }

    /// nil when the file went away after it was resolved (a rebuild removed it).
    private func serve(_ path: String, status: HTTPResponse.Status, generation: String) -> Response? {
        guard let contents = FileManager.default.contents(atPath: path) else { return nil }
        let type = MediaType.of(fileName: path)
        let body = type == MediaType.html ? LiveReloadScript.inject(into: contents, generation: generation) : contents
        return Self.bytes(status, body, type: type)
    }

    private func events() async -> Response {
        let stream = await hub.connect()
        var headers = HTTPFields()
        headers[.contentType] = MediaType.eventStream
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            // Ends when the page goes away (the write fails) or the server stops (the stream is cancelled).
            for await event in stream {
                try await writer.write(ByteBuffer(string: event.serverSentEvent))
            }
            try await writer.finish(nil)
        })
    }

    private static func text(_ status: HTTPResponse.Status, _ message: String) -> Response {
        bytes(status, Data((message + "\n").utf8), type: MediaType.plainText)
    }

    /// Every response is marked not to be cached: a preview must show the latest build.
    private static func bytes(_ status: HTTPResponse.Status, _ data: Data, type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
