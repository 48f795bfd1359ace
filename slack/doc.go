// Package slack turns a Slack workspace export into an incident draft: one channel's
// messages become the timeline, each event at the instant Slack recorded (its ts), its text
// the message's final text as plain Markdown, "author: text".
//
// An export is a folder, or the .zip Slack gives, read through an [io/fs.FS] (os.DirFS, or
// the *zip.Reader of archive/zip): channels.json and users.json at the top, one folder per
// channel, one JSON array of messages per day in the workspace's zone, named YYYY-MM-DD.json.
// The export does not record that zone; [Config.Read] proposes the one zone in which every
// message falls on its file's date, or takes [Config.Location].
//
// Every read is bounded ([Config.MaxFileBytes], [Config.MaxBytes], [Config.MaxFiles]), so that
// a .zip bomb or a huge member is an error, not a long wait. The package knows nothing of
// rendering; its drafts pass incident.Validate.
package slack
