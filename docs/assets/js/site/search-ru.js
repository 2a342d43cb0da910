/* Russian word forms in the site search.
 *
 * Material's search worker adds a trailing wildcard to every term of a query, and lunr
 * does not stem a wildcard term, so «переговорах» would only find words that begin with
 * «переговорах». Before a query reaches the worker, this script cuts a common Russian
 * ending off each Cyrillic word: «переговорах» becomes «переговор», the worker's wildcard
 * makes it «переговор*», and the page «Переговоры» is found. The index is unchanged.
 */
(function () {
  "use strict";
  // Noun, adjective and participle endings, longest first; a stem keeps at least 4 letters.
  var ENDINGS = [
    "иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "иях",
    "ах", "ях", "ов", "ев", "ей", "ий", "ый", "ой", "ая", "яя", "ое", "ее", "ие", "ые",
    "ую", "юю", "ом", "ем", "им", "ым", "их", "ых", "ам", "ям", "ью", "ия", "ию", "ии",
    "а", "я", "о", "е", "и", "ы", "у", "ю", "ь", "й"
  ];
  var MIN_STEM = 4;

  function stem(word) {
    var w = word.toLowerCase();
    for (var i = 0; i < ENDINGS.length; i += 1) {
      var end = ENDINGS[i];
      if (w.length - end.length >= MIN_STEM && w.slice(-end.length) === end) {
        return w.slice(0, -end.length);
      }
    }
    return w;
  }

  function rewrite(query) {
    // only whole Cyrillic words; quoted phrases and +/- operators keep their meaning
    return query.replace(/(^|[^+\-а-яё"])([а-яё]{5,})(?=$|[^а-яё*])/gi, function (_m, before, word) {
      return before + stem(word);
    });
  }

  if (typeof Worker === "undefined") return;
  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    var args = Array.prototype.slice.call(arguments);
    if (message && typeof message === "object" && typeof message.data === "string") {
      args[0] = Object.assign({}, message, { data: rewrite(message.data) });
    }
    return post.apply(this, args);
  };
  window.__apSearchStem = rewrite; // for the tests
})();
