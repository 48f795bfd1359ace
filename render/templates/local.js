(function () {
  "use strict";
  if (typeof Intl === "undefined" || !Intl.DateTimeFormat) { return; }
  var zone;
  try { zone = new Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
  // The names of zones where the browser gives only an offset ("GMT+9"), from the tz database
  // at render time: "JST 540 Asia/Tokyo Japan;IST 330 Asia/Calcutta Asia/Kolkata;...".
  var names = {};
  var me = document.currentScript;
  ((me && me.getAttribute("data-zones")) || "").split(";").forEach(function (g) {
    var f = g.split(" ");
    for (var i = 2; i < f.length; i++) { names[f[i] + " " + f[1]] = f[0]; }
  });
  // English, as the page is: "23:36", "Wed 27 Jul".
  var clock = new Intl.DateTimeFormat("en-US", {hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short"});
  var date = new Intl.DateTimeFormat("en-US", {weekday: "short", day: "numeric", month: "short"});
  var iso = new Intl.DateTimeFormat("en-US", {year: "numeric", month: "2-digit", day: "2-digit"});
  function parts(f, d) {
    var p = {};
    f.formatToParts(d).forEach(function (x) { p[x.type] = x.value; });
    return p;
  }
  function day(d) {
    var p = parts(iso, d);
    return p.year + "-" + p.month + "-" + p.day;
  }
  function dayText(d) {
    var p = parts(date, d);
    return p.weekday + " " + p.day + " " + p.month;
  }
  function offsetText(m) {
    var s = m < 0 ? "-" : "+", a = Math.abs(m), mm = a % 60;
    return "UTC" + s + Math.floor(a / 60) + (mm ? ":" + (mm < 10 ? "0" : "") + mm : "");
  }
  // zoneName is the reader's zone at d: the browser's name, or where that is only an
  // offset, the tz database's ("JST", "IST").
  function zoneName(d, p) {
    var n = p.timeZoneName || "", off = -d.getTimezoneOffset();
    if (!n || /^(GMT|UTC)[+\-\u2212]/.test(n)) { n = names[zone + " " + off] || offsetText(off); }
    return n;
  }
  function hm(p) { return p.hour + ":" + p.minute; }
  // local is the reader's time of d, its date beside it when that is not ref's: "23:36 JST (Wed 27 Jul)".
  function local(d, ref) {
    var p = parts(clock, d), s = hm(p) + " " + zoneName(d, p);
    if (day(d) !== ref) { s += " (" + dayText(d) + ")"; }
    return s;
  }
  function shift(d, ref) {
    var a = Date.parse(day(d) + "T00:00:00Z"), b = Date.parse((ref || "") + "T00:00:00Z");
    return isNaN(a) || isNaN(b) ? 0 : Math.round((a - b) / 86400000);
  }
  function shiftText(n) {
    if (!n) { return ""; }
    return (n > 0 ? "+" : "-") + Math.abs(n) + (Math.abs(n) === 1 ? " day" : " days");
  }
  function parse(s) {
    var d = new Date(s || "");
    return isNaN(d.getTime()) ? null : d;
  }
  var root = document.querySelectorAll(".postmortem");
  for (var r = 0; r < root.length; r++) {
    var times = root[r].querySelectorAll("time[datetime]");
    for (var i = 0; i < times.length; i++) {
      var el = times[i], d = parse(el.getAttribute("datetime"));
      if (!d || el.closest("table.convert")) { continue; }
      var span = document.createElement("span");
      span.className = "local";
      span.textContent = " · yours: " + local(d, el.getAttribute("data-day"));
      el.parentNode.insertBefore(span, el.nextSibling);
    }
    // The reader's row of a "what time is that for you" table, written as the other rows are.
    var rows = root[r].querySelectorAll("tr.yours");
    for (var j = 0; j < rows.length; j++) {
      var row = rows[j], cells = row.children;
      var start = parse(row.getAttribute("data-start")), end = parse(row.getAttribute("data-end"));
      if (!start) { continue; }
      var sp = parts(clock, start), name = zoneName(start, sp), off = offsetText(-start.getTimezoneOffset());
      cells[0].textContent = "You";
      cells[1].textContent = name;
      if (name !== off) {
        var small = document.createElement("small");
        small.textContent = "(" + off + ")";
        cells[1].appendChild(document.createTextNode(" "));
        cells[1].appendChild(small);
      }
      cells[2].textContent = dayText(start) + " " + hm(sp);
      var days = shiftText(shift(start, row.getAttribute("data-day")));
      if (end && cells.length > 4) {
        cells[3].textContent = (day(end) !== day(start) ? dayText(end) + " " : "") + hm(parts(clock, end));
        var es = shift(end, row.getAttribute("data-end-day"));
        if (es !== shift(start, row.getAttribute("data-day"))) {
          var et = es ? "end " + shiftText(es) : "end same day";
          days = days ? days + ", " + et : et;
        }
      }
      cells[cells.length - 1].textContent = days;
      row.hidden = false;
    }
    var notes = root[r].querySelectorAll("span.yours[hidden]");
    for (var k = 0; k < notes.length; k++) { notes[k].hidden = false; }
  }
})();
