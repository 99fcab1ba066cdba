// The patient page's service worker: after the first visit the page opens and works with no network.
// It keeps this folder's own files (and nothing else) on the phone; the page sends nothing anywhere.
// A new export has a new cache name, so a phone takes the new files on its next visit online.
var CACHE = __CACHE__;
var FILES = __FILES__;

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(FILES); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (key) { return key !== CACHE; })
      .map(function (key) { return caches.delete(key); }));
  }).then(function () { return self.clients.claim(); }));
});

// The folder's files from the cache first (the page is the same for every reader: the view is in the
// address's fragment, which never reaches the server or this worker's cache keys).
self.addEventListener("fetch", function (event) {
  if (event.request.method !== "GET") return;
  event.respondWith(caches.match(event.request, { ignoreSearch: true }).then(function (hit) {
    return hit || fetch(event.request);
  }));
});
