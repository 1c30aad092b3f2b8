/* The first script in iframe-worker's frame (iframe-worker-shim.js, changed here to load it): what the shim
   wrote inline into the frame, as a file, so the Content-Security-Policy the frame inherits from its page
   need allow no inline script (kb/csp.py). The worker script calls postMessage and importScripts. */
(function () {
  var url = frameElement.getAttribute("data-url")
  self.postMessage = function (data, origin) { parent.postMessage(data, origin || "*") }
  self.importScripts = function () {
    return Array.prototype.reduce.call(arguments, function (done, src) {
      return done.then(function () {
        return new Promise(function (resolve) {
          var script = document.createElement("script")
          script.src = src
          script.onload = resolve
          document.body.appendChild(script)
        })
      })
    }, Promise.resolve())
  }
  addEventListener("error", function (event) {
    parent.dispatchEvent(new ErrorEvent("error", { filename: url, error: event.error }))
  })
})()
