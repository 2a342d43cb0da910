// @ts-check
/* Account Path: the one way names are compared, identical to Python's
   `names.normalise_name`: whitespace collapsed (str.split()), «ё» read as «е», Unicode full case
   folding (str.casefold()); `personKey` (Python `names.person_key`) also folds look-alike
   Latin/Cyrillic letters per word and sorts the words.

   JavaScript has no casefold(). toLowerCase() is the Unicode lowercase mapping
   (locale-independent); casefold() differs from lower() for 183 characters (ß -> ss,
   ς -> σ, ſ -> s, Cherokee, Greek with iota subscript, ligatures ...). FOLD below lists
   exactly those, generated from Python (ch.lower() then this table == ch.casefold() for
   every code point); tests/test_browser_import.py checks the table against Python. */

/** Characters whose case folding differs from their lowercase form, "char\tfolded\n" lines. */
const FOLD_TEXT = "\u00b5\t\u03bc\n\u00df\tss\n\u0149\t\u02bcn\n\u017f\ts\n\u01f0\tj\u030c\n\u0345\t\u03b9\n\u0390\t\u03b9\u0308\u0301\n\u03b0\t\u03c5\u0308\u0301\n\u03c2\t\u03c3\n\u03d0\t\u03b2\n\u03d1\t\u03b8\n\u03d5\t\u03c6\n\u03d6\t\u03c0\n\u03f0\t\u03ba\n\u03f1\t\u03c1\n\u03f5\t\u03b5\n\u0587\t\u0565\u0582\n\u13f8\t\u13f0\n\u13f9\t\u13f1\n\u13fa\t\u13f2\n\u13fb\t\u13f3\n\u13fc\t\u13f4\n\u13fd\t\u13f5\n\u1c80\t\u0432\n\u1c81\t\u0434\n\u1c82\t\u043e\n\u1c83\t\u0441\n\u1c84\t\u0442\n\u1c85\t\u0442\n\u1c86\t\u044a\n\u1c87\t\u0463\n\u1c88\t\ua64b\n\u1e96\th\u0331\n\u1e97\tt\u0308\n\u1e98\tw\u030a\n\u1e99\ty\u030a\n\u1e9a\ta\u02be\n\u1e9b\t\u1e61\n\u1f50\t\u03c5\u0313\n\u1f52\t\u03c5\u0313\u0300\n\u1f54\t\u03c5\u0313\u0301\n\u1f56\t\u03c5\u0313\u0342\n\u1f80\t\u1f00\u03b9\n\u1f81\t\u1f01\u03b9\n\u1f82\t\u1f02\u03b9\n\u1f83\t\u1f03\u03b9\n\u1f84\t\u1f04\u03b9\n\u1f85\t\u1f05\u03b9\n\u1f86\t\u1f06\u03b9\n\u1f87\t\u1f07\u03b9\n\u1f90\t\u1f20\u03b9\n\u1f91\t\u1f21\u03b9\n\u1f92\t\u1f22\u03b9\n\u1f93\t\u1f23\u03b9\n\u1f94\t\u1f24\u03b9\n\u1f95\t\u1f25\u03b9\n\u1f96\t\u1f26\u03b9\n\u1f97\t\u1f27\u03b9\n\u1fa0\t\u1f60\u03b9\n\u1fa1\t\u1f61\u03b9\n\u1fa2\t\u1f62\u03b9\n\u1fa3\t\u1f63\u03b9\n\u1fa4\t\u1f64\u03b9\n\u1fa5\t\u1f65\u03b9\n\u1fa6\t\u1f66\u03b9\n\u1fa7\t\u1f67\u03b9\n\u1fb2\t\u1f70\u03b9\n\u1fb3\t\u03b1\u03b9\n\u1fb4\t\u03ac\u03b9\n\u1fb6\t\u03b1\u0342\n\u1fb7\t\u03b1\u0342\u03b9\n\u1fbe\t\u03b9\n\u1fc2\t\u1f74\u03b9\n\u1fc3\t\u03b7\u03b9\n\u1fc4\t\u03ae\u03b9\n\u1fc6\t\u03b7\u0342\n\u1fc7\t\u03b7\u0342\u03b9\n\u1fd2\t\u03b9\u0308\u0300\n\u1fd3\t\u03b9\u0308\u0301\n\u1fd6\t\u03b9\u0342\n\u1fd7\t\u03b9\u0308\u0342\n\u1fe2\t\u03c5\u0308\u0300\n\u1fe3\t\u03c5\u0308\u0301\n\u1fe4\t\u03c1\u0313\n\u1fe6\t\u03c5\u0342\n\u1fe7\t\u03c5\u0308\u0342\n\u1ff2\t\u1f7c\u03b9\n\u1ff3\t\u03c9\u03b9\n\u1ff4\t\u03ce\u03b9\n\u1ff6\t\u03c9\u0342\n\u1ff7\t\u03c9\u0342\u03b9\n\uab70\t\u13a0\n\uab71\t\u13a1\n\uab72\t\u13a2\n\uab73\t\u13a3\n\uab74\t\u13a4\n\uab75\t\u13a5\n\uab76\t\u13a6\n\uab77\t\u13a7\n\uab78\t\u13a8\n\uab79\t\u13a9\n\uab7a\t\u13aa\n\uab7b\t\u13ab\n\uab7c\t\u13ac\n\uab7d\t\u13ad\n\uab7e\t\u13ae\n\uab7f\t\u13af\n\uab80\t\u13b0\n\uab81\t\u13b1\n\uab82\t\u13b2\n\uab83\t\u13b3\n\uab84\t\u13b4\n\uab85\t\u13b5\n\uab86\t\u13b6\n\uab87\t\u13b7\n\uab88\t\u13b8\n\uab89\t\u13b9\n\uab8a\t\u13ba\n\uab8b\t\u13bb\n\uab8c\t\u13bc\n\uab8d\t\u13bd\n\uab8e\t\u13be\n\uab8f\t\u13bf\n\uab90\t\u13c0\n\uab91\t\u13c1\n\uab92\t\u13c2\n\uab93\t\u13c3\n\uab94\t\u13c4\n\uab95\t\u13c5\n\uab96\t\u13c6\n\uab97\t\u13c7\n\uab98\t\u13c8\n\uab99\t\u13c9\n\uab9a\t\u13ca\n\uab9b\t\u13cb\n\uab9c\t\u13cc\n\uab9d\t\u13cd\n\uab9e\t\u13ce\n\uab9f\t\u13cf\n\uaba0\t\u13d0\n\uaba1\t\u13d1\n\uaba2\t\u13d2\n\uaba3\t\u13d3\n\uaba4\t\u13d4\n\uaba5\t\u13d5\n\uaba6\t\u13d6\n\uaba7\t\u13d7\n\uaba8\t\u13d8\n\uaba9\t\u13d9\n\uabaa\t\u13da\n\uabab\t\u13db\n\uabac\t\u13dc\n\uabad\t\u13dd\n\uabae\t\u13de\n\uabaf\t\u13df\n\uabb0\t\u13e0\n\uabb1\t\u13e1\n\uabb2\t\u13e2\n\uabb3\t\u13e3\n\uabb4\t\u13e4\n\uabb5\t\u13e5\n\uabb6\t\u13e6\n\uabb7\t\u13e7\n\uabb8\t\u13e8\n\uabb9\t\u13e9\n\uabba\t\u13ea\n\uabbb\t\u13eb\n\uabbc\t\u13ec\n\uabbd\t\u13ed\n\uabbe\t\u13ee\n\uabbf\t\u13ef\n\ufb00\tff\n\ufb01\tfi\n\ufb02\tfl\n\ufb03\tffi\n\ufb04\tffl\n\ufb05\tst\n\ufb06\tst\n\ufb13\t\u0574\u0576\n\ufb14\t\u0574\u0565\n\ufb15\t\u0574\u056b\n\ufb16\t\u057e\u0576\n\ufb17\t\u0574\u056d\n";

const FOLD = new Map(FOLD_TEXT.split("\n").filter(Boolean).map((line) => line.split("\t")));

/** Python's str.split() whitespace: Unicode White_Space plus the ASCII separators 0x1c-0x1f. */
// eslint-disable-next-line no-control-regex -- 0x1c-0x1f are separators to Python's str.split()
const SPACE = /[\t\n\v\f\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u;

/** Collapse runs of whitespace and trim (Python: " ".join(s.split())). */
export function squashSpaces(text) {
  return String(text).split(SPACE).filter(Boolean).join(" ");
}

/** Python's str.casefold() of a string. */
export function casefold(text) {
  let out = "";
  for (const ch of String(text).toLowerCase()) out += FOLD.get(ch) ?? ch;
  return out;
}

/** Lower-case Latin letters that look like Cyrillic ones (Python: names.LATIN_TO_CYRILLIC). */
const LATIN = "aceopxykmthbi";
const CYRILLIC = "асеорхукмтнві";
const TO_CYRILLIC = new Map(Array.from(LATIN).map((ch, i) => [ch, CYRILLIC[i]]));
const TO_LATIN = new Map(Array.from(CYRILLIC).map((ch, i) => [ch, LATIN[i]]));

const isCyrillic = (ch) => ch >= "\u0400" && ch <= "\u04ff";
const isLatin = (ch) => ch >= "a" && ch <= "z";

/** A folded word with look-alike letters of the minority script turned into the majority's. */
export function foldWord(word) {
  const chars = Array.from(word);
  const cyr = chars.filter(isCyrillic).length;
  const lat = chars.filter(isLatin).length;
  if (!cyr || !lat) return word;
  const table = cyr >= lat ? TO_CYRILLIC : TO_LATIN;
  return chars.map((ch) => table.get(ch) ?? ch).join("");
}

/** Case, «ё» and repeated spaces folded; words keep their order (Python: names.spelling_key). */
export function spellingKey(name) {
  return casefold(squashSpaces(String(name).replace(/ё/gu, "е").replace(/Ё/gu, "Е")));
}

/** Key for sorting and matching names as written (Python: names.normalise_name): case, «ё» and spaces. */
export function nameKey(name) {
  return spellingKey(name);
}

/** Key for who a name means (Python: names.person_key): case, «ё», spaces, word order and look-alike letters. */
export function personKey(name) {
  return spellingKey(name).split(" ").filter(Boolean).map(foldWord)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join(" ");
}

/** Who a card is about: the candidate id when given, else the name's key (Python: names.identity). */
export function identity(candidate, candidateId) {
  const id = candidateId === null || candidateId === undefined ? "" : squashSpaces(String(candidateId));
  return id ? `id:${casefold(id)}` : `name:${personKey(candidate)}`;
}

/** Which letter makes two near names differ, or null (Python: names.difference). */
export function difference(a, b) {
  const sa = Array.from(spellingKey(a));
  const sb = Array.from(spellingKey(b));
  if (sa.length === sb.length) {
    const diffs = [];
    sa.forEach((ch, i) => { if (ch !== sb[i]) diffs.push(i); });
    if (diffs.length === 1) {
      const i = diffs[0];
      return { position: i + 1, letter: sa[i], instead: sb[i], latin: isLatin(sa[i]) };
    }
  }
  if (personKey(a) === personKey(b)) {
    for (const name of [a, b]) {
      const words = spellingKey(name).split(" ");
      let pos = 0;
      for (const word of words) {
        const folded = Array.from(word);
        const fixed = Array.from(foldWord(word));
        for (let i = 0; i < folded.length; i += 1) {
          if (folded[i] !== fixed[i]) return { position: pos + i + 1, letter: folded[i], instead: fixed[i], latin: isLatin(folded[i]) };
        }
        pos += folded.length + 1;
      }
    }
  }
  return null;
}

/** Levenshtein distance of two strings (by code point), for «similar names» warnings. */
export function editDistance(a, b) {
  const x = Array.from(a);
  const y = Array.from(b);
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i += 1) {
    const cur = [i];
    for (let j = 1; j <= y.length; j += 1) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length];
}

function longestMatch(a, b, alo, ahi, blo, bhi) {
  let best = [alo, blo, 0];
  let j2len = new Map();
  for (let i = alo; i < ahi; i += 1) {
    const next = new Map();
    for (let j = blo; j < bhi; j += 1) {
      if (a[i] !== b[j]) continue;
      const k = (j2len.get(j - 1) || 0) + 1;
      next.set(j, k);
      if (k > best[2]) best = [i - k + 1, j - k + 1, k];
    }
    j2len = next;
  }
  return best;
}

function matched(a, b, alo, ahi, blo, bhi) {
  const [i, j, k] = longestMatch(a, b, alo, ahi, blo, bhi);
  if (!k) return 0;
  return k + (alo < i && blo < j ? matched(a, b, alo, i, blo, j) : 0)
    + (i + k < ahi && j + k < bhi ? matched(a, b, i + k, ahi, j + k, bhi) : 0);
}

/** difflib.SequenceMatcher(None, a, b).ratio() (no junk: the strings here are short). */
export function similarity(a, b) {
  const x = Array.from(a);
  const y = Array.from(b);
  return x.length + y.length ? (2 * matched(x, y, 0, x.length, 0, y.length)) / (x.length + y.length) : 1;
}

/** Python's problems.close_match: difflib.get_close_matches(word, options, n=1, cutoff=0.6)[0] or null. */
export function closeMatch(word, options) {
  let best = null;
  for (const option of options) {
    if (typeof option !== "string") continue;
    const score = similarity(option, String(word));
    if (score >= 0.6 && (!best || score > best[0] || (score === best[0] && option > best[1]))) best = [score, option];
  }
  return best ? best[1] : null;
}

const K256 = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

/** SHA-256 of a string's UTF-8 bytes, hex (synchronous: file names are chosen inside a click). */
export function sha256Hex(text) {
  const bytes = new TextEncoder().encode(String(text));
  const bitLen = bytes.length * 8;
  const padded = new Uint8Array(((bytes.length + 9 + 63) >> 6) << 6);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLen / 0x100000000));
  view.setUint32(padded.length - 4, bitLen >>> 0);
  const h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
  const w = new Uint32Array(64);
  const rotr = (x, n) => (x >>> n) | (x << (32 - n));
  for (let off = 0; off < padded.length; off += 64) {
    for (let i = 0; i < 16; i += 1) w[i] = view.getUint32(off + i * 4);
    for (let i = 16; i < 64; i += 1) {
      const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
      const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let i = 0; i < 64; i += 1) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K256[i] + w[i]) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      hh = g; g = f; f = e; e = (d + t1) >>> 0; d = c; c = b; b = a; a = (t1 + t2) >>> 0;
    }
    [a, b, c, d, e, f, g, hh].forEach((v, i) => { h[i] = (h[i] + v) >>> 0; });
  }
  return h.map((v) => v.toString(16).padStart(8, "0")).join("");
}

/** A short, stable hash of a name's key (Python: names.short_hash): file names never carry the name. */
export function shortHash(name, length = 8) {
  return sha256Hex(personKey(name)).slice(0, length);
}

/** What names a candidate in file names (Python: render.scorecard.candidate_tag): the id, else the name's hash. */
export function candidateTag(candidate, candidateId) {
  const safe = candidateId ? String(candidateId).replace(/[^A-Za-z0-9_.-]+/g, "-").replace(/^[-.]+|[-.]+$/g, "") : "";
  if (safe) return `id-${safe}`;
  return squashSpaces(candidate || "") ? `c-${shortHash(candidate)}` : "candidate";
}
