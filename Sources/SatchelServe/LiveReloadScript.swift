import Foundation

/// The script serve mode adds to every HTML page as it is served (the files on disk stay as built): it
/// listens on the event stream, reloads the page after a rebuild, and shows the errors of a failed build over
/// the page, built from text nodes so no message is ever parsed as HTML.
enum LiveReloadScript {
    static let path = "/__satchel/reload.js"
    static let eventsPath = "/__satchel/events"

    static let source = """
        (() => {
          "use strict";
          const generation = document.currentScript.dataset.generation;
          let overlay = null;
          const events = new EventSource("\(eventsPath)");
          events.addEventListener("hello", (event) => { if (event.data !== generation) location.reload(); });
          events.addEventListener("reload", () => location.reload());
          events.addEventListener("errors", (event) => show(JSON.parse(event.data)));

          function show(lines) {
            if (overlay) overlay.remove();
            overlay = document.createElement("div");
            overlay.id = "satchel-errors";
            overlay.setAttribute("role", "alert");
            overlay.style.cssText = "position:fixed;top:0;left:0;right:0;max-height:70vh;overflow:auto;" +
              "z-index:2147483647;box-sizing:border-box;padding:1em 1.25em;background:#2d0b0b;color:#ffe1e1;" +
              "font:13px/1.5 ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap;" +
              "box-shadow:0 4px 16px rgba(0,0,0,.45)";
            const close = document.createElement("button");
            close.type = "button";
            close.textContent = "\\u00d7";
            close.title = "Hide";
            close.style.cssText = "float:right;font:inherit;font-size:18px;background:none;border:0;color:inherit;cursor:pointer";
            close.addEventListener("click", () => overlay.remove());
            const title = document.createElement("strong");
            title.textContent = "The build failed; this is the last good version of the page.";
            overlay.append(close, title, document.createTextNode("\\n\\n" + lines.join("\\n")));
            document.body.append(overlay);
          }
        })();

        """

    /// `html` with the script tag added before its last `</body>` (or at the end if it has none).
    static func inject(into html: Data, generation: String) -> Data {
        let page = String(decoding: html, as: UTF8.self)
        let tag = "<script src=\"\(path)\" data-generation=\"\(generation)\"></script>"
        guard let body = page.range(of: "</body>", options: [.caseInsensitive, .backwards]) else {
            return Data((page + tag).utf8)
        }
        return Data((page[..<body.lowerBound] + tag + page[body.lowerBound...]).utf8)
    }
}
