(function () {
  "use strict";
  if (typeof Intl === "undefined" || !Intl.DateTimeFormat) { return; }
  var zone;
  try { zone = new Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
  var clock = new Intl.DateTimeFormat(undefined, {hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short"});
  var date = new Intl.DateTimeFormat(undefined, {weekday: "short", day: "numeric", month: "short"});
  var iso = new Intl.DateTimeFormat("en-US", {year: "numeric", month: "2-digit", day: "2-digit"});
  function day(d) {
    var p = {};
    iso.formatToParts(d).forEach(function (x) { p[x.type] = x.value; });
    return p.year + "-" + p.month + "-" + p.day;
  }
  function local(d, ref) {
    var s = clock.format(d);
    if (day(d) !== ref) { s = date.format(d) + " " + s; }
    return s;
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
      span.textContent = " · " + local(d, el.getAttribute("data-day")) + " (yours)";
      el.parentNode.insertBefore(span, el.nextSibling);
    }
    var rows = root[r].querySelectorAll("tr.yours");
    for (var j = 0; j < rows.length; j++) {
      var row = rows[j], cells = row.children;
      var start = parse(row.getAttribute("data-start")), end = parse(row.getAttribute("data-end"));
      if (!start) { continue; }
      cells[0].textContent = "You";
      cells[1].textContent = zone || "";
      cells[2].textContent = date.format(start) + " " + clock.format(start);
      if (end && cells.length > 4) { cells[3].textContent = date.format(end) + " " + clock.format(end); }
      row.hidden = false;
    }
    var notes = root[r].querySelectorAll("span.yours[hidden]");
    for (var k = 0; k < notes.length; k++) { notes[k].hidden = false; }
  }
})();
