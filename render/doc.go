// Package render writes incidents as postmortem documents: GitHub-flavoured Markdown, a
// standalone HTML page (or a fragment to embed), an iCalendar of maintenance windows, and
// "what time is that for you" tables.
//
// # Documents
//
// Sections follow the order of Google's SRE book, each left out when empty: title, summary,
// the maintenance window (with its conversion into the default zones), impact with the
// computed figures (downtime, outage span, time to detect, acknowledge, mitigate and resolve,
// "unavailable" when the timeline lacks the milestone; for an incident of several services, a
// table of each service's own figures; the state windows), timeline, root causes, trigger,
// detection, resolution, contributing factors, lessons (what went well, what went wrong,
// where we got lucky), action items and links.
//
// Times show in the incident's zone with UTC beside them, "10:36 EDT · 14:36 UTC"; an
// approximate time reads "about 10:53". An undated incident shows wall-clock times only and
// never an invented date or UTC time.
//
// # Safety
//
// Incident files are not trusted. Markdown fields pass through one shared goldmark (GFM)
// that never renders raw HTML unless Printer.UnsafeHTML is set (it shows as the text that was
// written), and turns images into links (a page makes no request). One link policy holds in
// both outputs: a link is kept only to an http or https URL with a host, a mailto URL, or a
// relative URL that names no other host ("//evil.example" and "/\evil.example" do), checked
// on the destination as a browser gets it, after backslash escapes and character references
// are undone ("javascript\:x" is javascript:). The HTML loses such a link and keeps its text;
// in Markdown output the field's brackets are escaped, which also neutralises a reference
// definition that another field, or another incident of the document, could use. So a site
// generator that renders raw HTML finds none, and no "{{" or "{%" from the file is left for
// a Hugo shortcode or Liquid to run (in code a zero-width space goes between the two).
// Only goldmark's output reaches the page unescaped; everything else is escaped by
// html/template.
//
// A Markdown field longer than 512 KiB, nesting block quotes or lists more than 32 deep on a
// line, or with a paragraph of more than 5,000 emphasis and link delimiters (past which
// goldmark's time grows faster than the text) is shown as the plain text it is.
//
// The page carries a Content-Security-Policy that lets only its own inline style and script
// run. Bidirectional formatting and control characters are removed from every field.
//
// # Templates
//
// The built-in templates are embedded and parsed once. Printer.MarkdownTemplate and
// Printer.HTMLTemplate replace them; parse them with ParseMarkdownTemplate and
// ParseHTMLTemplate to get the same functions. A template executes with a *Document:
//
//	Document
//	  Title        the incident's title; several incidents: "Harvest and Forecast: 2 incidents, 2016-07-26"
//	  Lang         "en"
//	  Fragment     Printer.Fragment
//	  Incidents    []View, in the order given
//	  Convert      *Converter of ConvertMarkdown and ConvertHTML (nil for incidents)
//	  FrontMatter  YAML front matter with its "---" lines, when Printer.FrontMatter is set (Markdown)
//	  CSP, Style, Script  the page's CSP meta element, inline <style> and <script> (HTML)
//
//	View (one incident)
//	  ID, Title, Slug, Kind ("incident" | "maintenance"), Maintenance (bool), Severity,
//	  Status, Services, Authors, Date and Published ("2016-07-26" or ""), Zone (IANA name),
//	  Dated (false: the file gives no date), Level (heading level of the title),
//	  Anchor (prefix of element ids, "" for a single incident), MarkdownID (its title heading's id in
//	  Markdown, for the contents of several incidents)
//	  Summary, Impact, Trigger, Detection, Resolution   Text
//	  ImpactStart  *Instant, when the impact began; times to detect and so on count from it
//	  Figures      []Figure{Label, Value, Available, Note}
//	  Outages      []Span{Start, End Instant; Length, Level, Class string; Services}, each
//	               window naming exactly the services at its level
//	  ServiceFigures  []ServiceRow{Name, Downtime, Major, Partial, Degraded, Maintenance, Span},
//	               each service's own figures in the incident's order; nil with fewer than two
//	  ServiceColumns  which per-service columns have a value
//	  Window       *Span, the announced maintenance window
//	  Converter    *Converter of the window, nil when undated
//	  Timeline     []Entry{At Instant; ShowDate bool; Kind, State, Class string; Services; Text}
//	  TimelineDates  whether the timeline crosses midnight
//	  RootCauses, ContributingFactors  []Cause{Text; Category}
//	  WentWell, WentWrong, Lucky       []Text
//	  ActionItems  []Action{Text; Kind, Owner, Priority, Due, Status, Class, URL, LinkText}
//	  ActionColumns  which action columns have a value
//	  Links        []Link{Title, URL}
//	  HasLessons   method: whether any lesson is set
//	  TimelineRows, OutageRows  methods: the escaped <tr> rows of the two long tables (HTML)
//
//	Text         Markdown (source, raw HTML made inert) and HTML (goldmark's output, HTML only)
//	Instant      Time, Dated, Approx, Clock ("about 10:53"), Zone ("EDT"), UTC ("14:53 UTC"),
//	             Date ("Tue 26 Jul 2016"), UTCDay, ISO ("2016-07-26T14:53:00Z"), Day, Written
//	             (what the file wrote, when it names another zone); String()
//	Converter    Start, End Instant; Window; Source; Rows []ConvertRow; URL
//	ConvertRow   City, Zone, Start, End, Date, EndDate, Abbrev, Offset, DayShift ("+1 day"), Day ("+1 day, end same day"), ISO, EndISO, Clock
//
// Every string other than Text.HTML is plain text: html/template escapes it; Markdown
// templates should pass it through the "md" or "cell" function.
//
// # Concurrency
//
// A Printer is safe for concurrent use as long as its fields are not modified; the
// package-level functions use the zero Printer.
package render
